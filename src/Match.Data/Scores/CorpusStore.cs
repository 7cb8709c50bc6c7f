using Dapper;

namespace Match.Data.Scores;

/// <summary>The stored texts a matching model is fitted on: every role's title and posting, every résumé's text.</summary>
public sealed class CorpusStore(SqliteConnectionFactory connections)
{
    /// <summary>Role texts (title, posting and requirement lines) then résumé texts, in id order.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT r.title || char(10) || r.posting_text || char(10) ||
                   COALESCE((SELECT group_concat(q.text, char(10)) FROM role_requirements q WHERE q.role_id = r.id), '')
            FROM roles r ORDER BY r.id;
            SELECT text FROM resumes ORDER BY id;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var roles = await results.ReadAsync<string>();
        var resumes = await results.ReadAsync<string>();
        return [.. roles, .. resumes];
    }
}
