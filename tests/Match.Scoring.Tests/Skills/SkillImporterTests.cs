using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Skills;

public class SkillImporterTests
{
    private const string SampleEsco =
        "preferredLabel,altLabels,skillType\n" +
        "manage musical staff,\"manage staff of music\ncoordinate duties of musical staff\nmanage musical staff\",skill/competence\n" +
        "use spreadsheets software,\"use spreadsheet software\r\nwork with \"\"spreadsheets\"\"\",skill/competence\n" +
        "Haskell,,knowledge\n";

    private const string OfficialEsco =
        "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\r\n" +
        "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/1,skill/competence,sector-specific,perform phlebotomy,\"draw blood\nvenipuncture procedures\",,released,2023-01-01,,,\"http://x, http://y\",\"Take blood, safely.\"\r\n" +
        "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/2,knowledge,cross-sector,old thing,,,obsolete,2023-01-01,,,,\r\n";

    [Fact]
    public void Esco_sample_columns_with_multi_line_and_doubled_quotes()
    {
        var entries = EscoSkillsImporter.Read(new StringReader(SampleEsco));

        Assert.Equal(["manage musical staff", "use spreadsheets software", "Haskell"], entries.Select(e => e.Canonical));
        Assert.Equal(["manage staff of music", "coordinate duties of musical staff"], entries[0].Aliases);
        Assert.Equal(["use spreadsheet software", "work with \"spreadsheets\""], entries[1].Aliases);
        Assert.Empty(entries[2].Aliases);
        Assert.Equal("knowledge", entries[2].Group);
    }

    [Fact]
    public void Esco_official_columns_are_found_by_header_name_and_obsolete_concepts_skipped()
    {
        var entries = EscoSkillsImporter.Read(new StringReader(OfficialEsco));

        var entry = Assert.Single(entries);
        Assert.Equal("perform phlebotomy", entry.Canonical);
        Assert.Equal(["draw blood", "venipuncture procedures"], entry.Aliases);
        Assert.Equal("skill/competence", entry.Group);
    }

    [Theory]
    [InlineData("preferredLabel,altLabels\nfoo,\"never closed\nbar,baz\n", "Line 2")]
    [InlineData("preferredLabel,altLabels\nfoo,\"a\"b\n", "Line 2")]
    [InlineData("preferredLabel,altLabels\nfoo,ba\"r\n", "Line 2")]
    [InlineData("preferredLabel,altLabels\nok,\"x\ny\"\nfoo,bar,extra\n", "Line 4")]
    [InlineData("label,altLabels\nfoo,bar\n", "Line 1")]
    [InlineData("preferredLabel,altLabels\n,bar\n", "Line 2")]
    [InlineData("", "Line 1")]
    public void Esco_malformed_files_fail_with_the_line_number(string csv, string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => EscoSkillsImporter.Read(new StringReader(csv)));

        Assert.StartsWith(line + ":", error.Message, StringComparison.Ordinal);
    }

    private const string Onet =
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n" +
        "11-1011.00\tHuman resource information system (HRIS)\t43231505\tHuman resources software\tN\tN\n" +
        "11-1011.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tY\n" +
        "13-2011.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tY\n" +
        "15-1252.00\tApache Kafka\t43232305\tData base reporting software\tY\tN\n";

    [Fact]
    public void Onet_examples_become_entries_grouped_by_commodity()
    {
        var entries = OnetTechnologySkillsImporter.Read(new StringReader(Onet));

        Assert.Equal(["Human resource information system", "Microsoft Excel", "Apache Kafka"], entries.Select(e => e.Canonical));
        Assert.Equal(["HRIS"], entries[0].Aliases);
        Assert.Equal("Spreadsheet software", entries[1].Group);
    }

    [Theory]
    [InlineData("O*NET-SOC Code\tExample\n11-1011.00\tFoo\textra\n", "Line 2")]
    [InlineData("O*NET-SOC Code\tExample\n11-1011.00\tFoo\n11-1011.00\t \n", "Line 3")]
    [InlineData("O*NET-SOC Code\tTitle\n11-1011.00\tFoo\n", "Line 1")]
    [InlineData("", "Line 1")]
    public void Onet_malformed_files_fail_with_the_line_number(string tsv, string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => OnetTechnologySkillsImporter.Read(new StringReader(tsv)));

        Assert.StartsWith(line + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keeps_built_in_names_dedupes_and_drops_unusable_imported_names()
    {
        SkillEntry[] builtIn = [new("Kubernetes", ["k8s"]), new("Excel", ["MS Excel"])];
        SkillEntry[] imported =
        [
            new("Microsoft Excel", ["MS EXCEL", "spreadsheet wizardry"]),  // canonical is new, alias MS EXCEL belongs to built-in Excel
            new("ms excel", ["Excel macros"]),                               // canonical is a built-in alias: its aliases join Excel
            new("container orchestration", ["K8S", "Go", "chef", "Spanish", "orchestrating containers"]),
            new("Go", []),                                                   // too short and common: dropped
            new("apache kafka", ["Apache Kafka", "kafka streams"]),
        ];

        var merged = SkillCatalog.Merge(builtIn, imported);

        Assert.Equal(["Kubernetes", "Excel", "Microsoft Excel", "container orchestration", "apache kafka"], merged.Select(e => e.Canonical));
        Assert.Equal(["k8s"], merged[0].Aliases);
        Assert.Equal(["MS Excel", "Excel macros"], merged[1].Aliases);
        Assert.Equal(["spreadsheet wizardry"], merged[2].Aliases);
        Assert.Equal(["orchestrating containers"], merged[3].Aliases);
        Assert.Equal(["kafka streams"], merged[4].Aliases);

        var vocabulary = new SkillVocabulary(merged);
        Assert.Equal("Kubernetes", vocabulary.Canonicalize("k8s"));
        Assert.Equal("Excel", vocabulary.Canonicalize("Excel macros"));
    }

    [Theory]
    [InlineData("Go", false)]
    [InlineData("C", false)]
    [InlineData("chef", false)]
    [InlineData("Spanish", false)]
    [InlineData("history", false)]
    [InlineData("2019", false)]
    [InlineData("Haskell", true)]
    [InlineData("manage staff", true)]
    [InlineData("C++", true)]
    public void Imported_name_filter(string name, bool usable)
    {
        Assert.Equal(usable, SkillCatalog.IsUsableImportedName(name));
    }

    [Fact]
    public void Built_in_vocabulary_with_imports_prefers_built_in_meanings()
    {
        var vocabulary = BuiltInSkills.CreateWith(
            [new SkillEntry("Kubernetes Engine", ["k8s"]), new SkillEntry("perform phlebotomy", ["draw blood"])]);

        Assert.Equal("Kubernetes", vocabulary.Canonicalize("k8s"));
        Assert.Equal(["Kubernetes", "perform phlebotomy"], vocabulary.FindSkills("k8s; able to draw blood").Select(m => m.Canonical));
        Assert.Equal(BuiltInSkills.Create().Count + 2, vocabulary.Count);
    }
}
