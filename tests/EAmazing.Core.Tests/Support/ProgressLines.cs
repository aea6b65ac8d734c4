namespace EAmazing.Core.Tests.Support;

/// <summary>Progress lines as reported, on the reporting thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
public sealed class ProgressLines : IProgress<string>
{
    public List<string> All { get; } = [];

    public void Report(string value) => All.Add(value);
}
