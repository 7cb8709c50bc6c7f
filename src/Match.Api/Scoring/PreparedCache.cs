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

    // One token per stored résumé: cancelling it evicts every prepared copy (any model, any version) at once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, CancellationTokenSource> _resumeTokens = new();

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
        var token = _resumeTokens.GetOrAdd(resume.Id, _ => new CancellationTokenSource()).Token;
        return GetOrAdd((model.Version, "resume", resume.Id, resume.Version), () => model.Prepare(resume.Profile), keep, token);
    }

    /// <summary>Drops every prepared copy of a résumé (its text, structure and vectors): called when it is erased.</summary>
    public void ForgetResume(long resumeId)
    {
        if (_resumeTokens.TryRemove(resumeId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }

    /// <summary>True when a prepared copy of the stored résumé is held (for tests of erasure).</summary>
    public bool HoldsResume(long resumeId) => _resumeTokens.ContainsKey(resumeId);

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

    private T GetOrAdd<T>(object key, Func<T> create, bool keep = true, CancellationToken evictOn = default)
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

        var entry = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) };
        if (evictOn.CanBeCanceled)
        {
            entry.AddExpirationToken(new Microsoft.Extensions.Primitives.CancellationChangeToken(evictOn));
        }

        _cache.Set(key, value, entry);
        return value;
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var source in _resumeTokens.Values)
        {
            source.Dispose();
        }
    }
}
