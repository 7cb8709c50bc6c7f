namespace Match.Eval.Tests;

public sealed class EvalDataTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("match-eval-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_run_written_then_read_as_qrels_keeps_every_query_and_document()
    {
        var runs = new Dictionary<string, IReadOnlyList<(string Doc, double Score)>>
        {
            ["r2"] = [("s9", 0.5), ("s1", 0.25)],
            ["r1"] = [("s3", 0.9)],
        };
        var path = Path.Combine(_directory, "out.run");
        using (var writer = new StreamWriter(path))
        {
            EvalData.WriteRun(writer, runs, "match");
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(["r1 Q0 s3 1 0.900000 match", "r2 Q0 s9 1 0.500000 match", "r2 Q0 s1 2 0.250000 match"], lines);

        // Columns 1 and 3 of a run are query and document, as in qrels; the rank column is positive, so every line is kept.
        var read = EvalData.ReadQrels(path);
        Assert.Equal(["r1", "r2"], read.Keys.Order());
        Assert.Equal(["s3"], read["r1"]);
        Assert.Equal(["s1", "s9"], read["r2"].Order());
    }

    [Fact]
    public void Qrels_keep_relevant_documents_and_queries_without_any()
    {
        var path = Path.Combine(_directory, "qrels.tsv");
        File.WriteAllText(path, "q1\t0\td1\t1\nq1\t0\td2\t0\nq1 0 d3 2\nq2\t0\td1\t0\n\nshort line\n");

        var qrels = EvalData.ReadQrels(path);

        Assert.Equal(["d1", "d3"], qrels["q1"].Order());
        Assert.Empty(qrels["q2"]);
        Assert.Equal(2, qrels.Count);
    }

    [Fact]
    public void Invert_swaps_queries_and_documents()
    {
        var qrels = new Dictionary<string, HashSet<string>> { ["r1"] = ["s1", "s2"], ["r2"] = ["s2"] };

        var inverted = EvalData.Invert(qrels);

        Assert.Equal(["r1"], inverted["s1"]);
        Assert.Equal(["r1", "r2"], inverted["s2"].Order());
        Assert.Equal(qrels.Values.Sum(v => v.Count), inverted.Values.Sum(v => v.Count));
    }

    [Fact]
    public void Json_lines_documents_read_with_or_without_a_title()
    {
        var path = Path.Combine(_directory, "docs.jsonl");
        File.WriteAllText(path, "{\"id\": \"r1\", \"title\": \"Accountant\", \"text\": \"GAAP\\nclose\"}\n\n{\"ID\": \"s1\", \"Text\": \"résumé\"}\n");

        var docs = EvalData.ReadJsonLines(path);

        Assert.Equal([new EvalDocument("r1", "Accountant", "GAAP\nclose"), new EvalDocument("s1", null, "résumé")], docs);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_reported()
    {
        var path = Path.Combine(_directory, "bad.jsonl");
        File.WriteAllText(path, "null\n");

        Assert.Throws<InvalidDataException>(() => EvalData.ReadJsonLines(path));
    }
}
