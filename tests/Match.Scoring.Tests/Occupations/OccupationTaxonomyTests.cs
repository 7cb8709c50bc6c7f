using Match.Scoring.Features;
using Match.Scoring.Occupations;

namespace Match.Scoring.Tests.Occupations;

public class OccupationTaxonomyTests
{
    // O*NET "Alternate Titles" layout, written for these tests: tab-separated, detailed codes under SOC occupations.
    private const string Fixture =
        "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n" +
        "13-2011.00\tAccountants and Auditors\tStaff Accountant\t\t08\n" +
        "13-2011.00\tAccountants and Auditors\tCertified Public Accountant\tCPA\t08\n" +
        "13-2011.01\tAccountants\tTax Accountant\t\t09\n" +
        "35-1011.00\tChefs and Head Cooks\tExecutive Chef\t\t08\n" +
        "35-1011.00\tChefs and Head Cooks\tSous Chef\t\t08\n" +
        "\n" +
        "15-1252.00\tSoftware Developers\t\t\t08\n" +
        "bad\tline\n" +
        "15-1252.00\tSoftware Developers\tBackend Software Engineer\t\t08\n";

    [Fact]
    public void Reads_titles_grouped_by_soc_occupation_in_file_order()
    {
        var occupations = OccupationTaxonomy.ReadOnetAlternateTitles(new StringReader(Fixture));

        Assert.Equal(["13-2011", "35-1011", "15-1252"], occupations.Select(o => o.Code));
        Assert.Equal(["Staff Accountant", "Certified Public Accountant", "Tax Accountant"], occupations[0].Titles);
        Assert.Equal("Staff Accountant", occupations[0].Name);
        Assert.Equal(["Executive Chef", "Sous Chef"], occupations[1].Titles);
        Assert.Equal(["Backend Software Engineer"], occupations[2].Titles);
    }

    [Fact]
    public void Reads_the_file_from_a_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"onet-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, Fixture);
        try
        {
            Assert.Equal(3, OccupationTaxonomy.ReadOnetAlternateTitles(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Code\tTitle\tAlternate Title\n13-2011.00\tAccountants\tStaff Accountant\n")]
    [InlineData("O*NET-SOC Code,Alternate Title\n13-2011.00,Staff Accountant\n")]
    [InlineData("O*NET-SOC Code\tTitle\n13-2011.00\tAccountants\n")]
    [InlineData("")]
    public void A_file_without_the_onet_header_is_rejected(string text)
    {
        Assert.Throws<InvalidDataException>(() => OccupationTaxonomy.ReadOnetAlternateTitles(new StringReader(text)));
    }

    [Fact]
    public void The_index_projects_a_text_onto_its_closest_occupations_as_a_unit_vector()
    {
        var occupations = OccupationTaxonomy.ReadOnetAlternateTitles(new StringReader(Fixture));
        var featurizer = TextFeaturizer.Fit(
            [.. occupations.Select(o => string.Join('\n', o.Titles)), "staff accountant tax returns", "executive chef kitchen", "software engineer backend services", "chef kitchen menu"],
            new FeaturizerOptions());
        var index = new OccupationIndex(occupations, featurizer, topK: 1);

        var accountant = index.Project(featurizer.Featurize("Tax accountant, staff accountant"));
        var chef = index.Project(featurizer.Featurize("Sous chef in a busy kitchen"));

        Assert.Equal([0], accountant.Indices);
        Assert.Equal([1], chef.Indices);
        Assert.Equal(1.0, accountant.Values[0], 5);
        Assert.Equal(0, accountant.Dot(chef));
        Assert.True(index.Project(featurizer.Featurize("zzqx")).IsEmpty);
        var shared = index.Shared(accountant, index.Project(featurizer.Featurize("staff accountant")), 3);
        Assert.Equal("13-2011", Assert.Single(shared).Code);
    }
}
