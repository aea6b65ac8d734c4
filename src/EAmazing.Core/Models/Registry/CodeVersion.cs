using System.Reflection;

namespace EAmazing.Models.Registry;

/// <summary>The version of the code that trained a model: the assembly's informational version, which the build stamps with the git commit.</summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
