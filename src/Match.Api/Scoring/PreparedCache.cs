using System.Security.Cryptography;
using System.Text;
using Match.Api.Model;
using Match.Data.Roles;
using Match.Scoring.Matching;
using Match.Scoring.Resumes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Match.Api.Scoring;

/// <summary>
/// Roles and résumés prepared by a model, kept for reuse: a role per (model, role id, role version), a stored résumé per
/// (model, résumé id, version), inline text per (model, SHA-256 of the text). A new model or version simply misses.
/// </summary>
public sealed class PreparedCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly ResumeAnalyzer _analyzer;

    public PreparedCache(IOptions<ModelOptions> options, ResumeAnalyzer analyzer)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.PreparedCacheEntries) });
        _analyzer = analyzer;
    }

    public PreparedRole Role(MatchModel model, Role role)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(role);
        return GetOrAdd((model.Version, "role", role.Id, role.Version), () => model.Prepare(InputOf(role)));
    }

    /// <summary>A stored résumé prepared by <paramref name="model"/>; with <paramref name="keep"/> false a miss is prepared but not kept.</summary>
    public PreparedResume Resume(MatchModel model, ScoringResume resume, bool keep = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(resume);
        return GetOrAdd((model.Version, "resume", resume.Id, resume.Version), () => model.Prepare(resume.Profile), keep);
    }

    /// <summary>Inline résumé text: analysed and prepared once per distinct text.</summary>
    public PreparedResume Text(MatchModel model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return GetOrAdd((model.Version, "text", hash), () => model.Prepare(_analyzer.Analyze(text)));
    }

    /// <summary>What a role is scored from: title, posting (or its requirement lines when it has no posting) and requirements.</summary>
    public static RoleInput InputOf(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var content = role.Content;
        var text = string.IsNullOrWhiteSpace(content.PostingText)
            ? string.Join('\n', content.Requirements.Select(r => r.Text))
            : content.PostingText;
        return new RoleInput(content.Title, text, content.Requirements);
    }

    private T GetOrAdd<T>(object key, Func<T> create, bool keep = true)
        where T : class
    {
        if (_cache.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }

        var value = create();
        if (!keep)
        {
            return value;
        }

        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
