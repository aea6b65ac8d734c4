using System.Text.RegularExpressions;

namespace EAmazing.Cli;

/// <summary>
/// A generated block of a Markdown file, between <c>&lt;!-- NAME --&gt;</c> and <c>&lt;!-- /NAME --&gt;</c>: the command that
/// measures the figures rewrites them, so the README never holds a figure no command produced.
/// </summary>
public static class ReadmeBlock
{
    /// <summary>The text with the block's content replaced; throws when the markers are missing (nothing is written then).</summary>
    public static string Replace(string text, string name, string content)
    {
        var pattern = new Regex($@"(<!-- {Regex.Escape(name)} -->\r?\n).*?(\r?\n<!-- /{Regex.Escape(name)} -->)", RegexOptions.Singleline);
        if (!pattern.IsMatch(text))
        {
            throw new InvalidDataException($"no <!-- {name} --> … <!-- /{name} --> block to replace");
        }

        return pattern.Replace(text, m => m.Groups[1].Value + content.TrimEnd() + m.Groups[2].Value, 1);
    }
}
