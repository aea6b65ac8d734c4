using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy.Purposes;

namespace EAmazing.Api.Tests.Scoring;

/// <summary>A second business model served online, known to the API only through the catalog: one feature, <c>x</c>.</summary>
public sealed class EchoModel : IBusinessModel
{
    public const string RegistryName = "echo-score";

    public string Name => "echo";

    public string Description => "Test model: scores the x it is sent";

    public TaskKind Kind => TaskKind.BinaryClassification;

    public IReadOnlyList<GoldTable> Inputs => [];

    public ProcessingPurpose Purpose => ProcessingPurposes.Analytics;

    public IReadOnlyList<string> RegistryNames => [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters => [];

    public DemoRun Demo { get; } = new(new Dictionary<string, string>(), RegistryName);

    public IModelEvaluator Evaluator => BinaryClassificationEvaluator.Instance;

    public IOnlineScorer? Scorer { get; } = new EchoScorer();

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null) =>
        throw new NotSupportedException("the echo model is trained by its test");

    public sealed record EchoRequest(long? UserId, double? X);

    public sealed record EchoResponse(string Model, int Version, double Probability, bool Decision);

    private sealed class EchoScorer : OnlineScorer<EchoRequest>
    {
        public override OnlineEndpoint Endpoint { get; } = new("/echo", "PredictEcho", "Echo", "Scores x", typeof(EchoRequest), typeof(EchoResponse), """{"user_id": 1, "x": 0.5}""");

        public override string DefaultModel => RegistryName;

        protected override string? ModelOf(EchoRequest request) => null;

        protected override long? UserIdOf(EchoRequest request) => request.UserId;

        protected override RequestProblem? Validate(EchoRequest request, ModelCard card, OnlineLimits limits) =>
            request.X is { } x && double.IsFinite(x) ? null : new RequestProblem("x", "required, a finite number");

        protected override IReadOnlyDictionary<string, double> Features(EchoRequest request, string? userPseudonym, IServingHistory history) =>
            new Dictionary<string, double> { ["x"] = request.X!.Value };

        protected override object Respond(EchoRequest request, OnlineScore score) =>
            new EchoResponse(score.Card.Name, score.Card.Version, score.Probability, score.Decision);
    }
}
