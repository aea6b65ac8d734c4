using EAmazing.Core.Tests.Features;
using EAmazing.Privacy;
using EAmazing.Governance.Register;
using EAmazing.Privacy.Purposes;

namespace EAmazing.Core.Tests.Governance.Register;

/// <summary>The art. 30 register lists every purpose and every personal-data column of the live lake, and never the key.</summary>
public sealed class RegisterTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    private readonly ProcessingRegister _register = new(world.Gold.Lake.Engine, new PrivacyOptions());

    [Fact]
    public void It_lists_every_purpose_with_recipients_and_the_legal_basis_placeholder()
    {
        var markdown = _register.ToMarkdown(DateTime.UtcNow);

        Assert.All(RegisteredPurposes.All, p =>
        {
            Assert.Contains($"### {p.Title} (`{p.Name}`)", markdown, StringComparison.Ordinal);
            Assert.All(p.Recipients, r => Assert.Contains(r, markdown, StringComparison.Ordinal));
        });
        Assert.Equal(RegisteredPurposes.All.Count, CountOf(markdown, "- " + ProcessingRegister.LegalBasisPlaceholder));
    }

    [Fact]
    public void It_lists_every_personal_data_table_and_column_with_its_kind()
    {
        var markdown = _register.ToMarkdown(DateTime.UtcNow);
        var personal = _register.Tables().Where(t => t.IsPersonal).ToList();

        Assert.Contains(personal, t => t.Name == "silver");
        Assert.Contains(personal, t => t.Name == "gold_user_snapshots");
        Assert.DoesNotContain(personal, t => t.Name == "gold_items");
        foreach (var table in personal)
        {
            var section = markdown[markdown.IndexOf($"### `{table.Name}`", StringComparison.Ordinal)..];
            section = section[..(section.IndexOf("\n### ", 1, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
            Assert.All(table.Columns, c => Assert.Contains($"| `{c.Name}` | {c.Type} |", section, StringComparison.Ordinal));
        }

        Assert.Contains("| `user_id` | VARCHAR | identifier | analytics, recommendation, forecasting, purchase-intent, segmentation, next-item-recommendation |", markdown, StringComparison.Ordinal);
        // The recommender orders events of the same second by their source line (a stable order), so it declares the column.
        Assert.Contains("| `source_line` | BIGINT | lineage | next-item-recommendation |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void It_names_the_key_id_but_never_the_key()
    {
        var markdown = _register.ToMarkdown(DateTime.UtcNow);

        Assert.Contains($"Current key id: `{Support.TestLake.Key.KeyId}`", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("00112233445566778899aabbccddeeff", markdown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Its_retention_horizon_counts_from_the_lakes_newest_month_as_retention_apply_does()
    {
        var markdown = _register.ToMarkdown(DateTime.UtcNow);

        Assert.Contains("24 whole months counted back from the lake's newest month of events, that month included", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("the current month included", markdown, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
