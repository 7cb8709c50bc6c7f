using System.Text.Json;
using System.Text.Json.Serialization;

namespace Match.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>camelCase JSON with enums as camelCase strings ("minimum", "open"); numbers are not accepted for enums.</summary>
    public static IServiceCollection AddMatchJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
}
