namespace EAmazing.Models.Business;

/// <summary>
/// A training setting of one business model beyond the lab's own (families, trials, budget, seed): the CLI
/// shows it as <c>--name</c> on the model's <c>train</c> subcommand; the model parses and checks the value.
/// </summary>
/// <param name="Name">Option name without dashes, e.g. <c>task</c>.</param>
/// <param name="Description">Help text.</param>
/// <param name="Default">Value when the option is not given.</param>
/// <param name="Allowed">The only accepted values, when the setting is a choice; empty for free values.</param>
public sealed record ModelParameter(string Name, string Description, string Default, IReadOnlyList<string> Allowed)
{
    public ModelParameter(string name, string description, string @default)
        : this(name, description, @default, [])
    {
    }
}
