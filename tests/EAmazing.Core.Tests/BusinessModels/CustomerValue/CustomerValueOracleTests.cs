using System.Text.RegularExpressions;
using EAmazing.BusinessModels.CustomerValue;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using EAmazing.Sources.Synthetic.Truth;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

/// <summary>
/// The world's oracle beside <c>train value</c> on the tiny generated world (Oct–Nov 2019, with its truth): every
/// customer by default, a systematic sample beyond <c>--oracle-customers</c>, with each method's error on the same customers.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CustomerValueOracleTests : IClassFixture<CustomerValueOracleTests.TinyGold>
{
    private const string OracleNote = "oracle (the world's expected purchase sessions";

    private readonly TinyGold _world;

    public CustomerValueOracleTests(TinyGold world) => _world = world;

    [Fact]
    public void By_default_the_oracle_answers_every_customer()
    {
        var outcome = _world.Train(new Dictionary<string, string>());

        var note = Assert.Single(outcome.Notes, n => n.Text.StartsWith(OracleNote, StringComparison.Ordinal)).Text;
        Assert.EndsWith($"on {outcome.Card.Data.TrainRows:N0} customers", note, StringComparison.Ordinal);
        Assert.NotNull(outcome.Card.Oracle);
        Assert.DoesNotContain("answered", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Beyond_oracle_customers_it_asks_a_systematic_sample_and_gives_every_method_on_the_same_customers()
    {
        var outcome = _world.Train(new Dictionary<string, string> { [CustomerValueModel.OracleCustomers.Name] = "10" });

        var note = Assert.Single(outcome.Notes, n => n.Text.StartsWith(OracleNote, StringComparison.Ordinal)).Text;
        var stated = Regex.Match(note, @"asked of a systematic sample of 10 of the ([\d,]+) customers \(every \(n / 10\)-th customer; --oracle-customers\), 10 matched: MAE [\d.]+ \[[\d.]+, [\d.]+\]; "
            + @"on the same customers bg-nbd\+gamma-gamma [\d.]+, naive_past_rate [\d.]+, average_customer [\d.]+$");
        Assert.True(stated.Success, note);
        Assert.Equal(outcome.Card.Data.TrainRows, int.Parse(stated.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("(on the customers the oracle answered: bg-nbd+gamma-gamma ", outcome.Summary, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _world.Train(new Dictionary<string, string> { [CustomerValueModel.OracleCustomers.Name] = "9" }));
    }

    [Fact]
    public void A_truth_whose_world_holds_none_of_the_customers_gives_no_oracle_and_says_why()
    {
        var outcome = _world.Train(new Dictionary<string, string>(), PseudonymKey.Generate());

        Assert.Contains(outcome.Notes, n => n.Text.StartsWith("oracle: none of the ", StringComparison.Ordinal) && n.Text.EndsWith("no oracle", StringComparison.Ordinal));
        Assert.Null(outcome.Card.Oracle);
    }

    /// <summary>The tiny world in a gold lake, with its truth folder and a registry.</summary>
    public sealed class TinyGold : IDisposable
    {
        private readonly TempFolder _models = new();

        public TinyGold() => Registry = new ModelRegistry(_models.Path);

        public GoldLake Gold { get; } = new(TinyWorld.Files);

        public string Truth { get; } = Path.Combine(Path.GetDirectoryName(TinyWorld.Files[0])!, TruthFiles.Folder);

        public ModelRegistry Registry { get; }

        /// <param name="key">The key the oracle pseudonymises the world's users with (the lake's by default).</param>
        public TrainingOutcome Train(IReadOnlyDictionary<string, string> parameters, PseudonymKey? key = null) =>
            new CustomerValueModel().Train(
                new TrainingContext(Gold.Lake.Engine, Registry, new FeatureOptions(), new LeakageAuditOptions(), new Pseudonymiser(key ?? TestLake.Key)),
                new TrainingSettings { TruthFolder = Truth, Parameters = parameters });

        public void Dispose()
        {
            Gold.Dispose();
            _models.Dispose();
        }
    }
}
