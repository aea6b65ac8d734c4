using EAmazing.Core.Tests.Support;
using EAmazing.Foundation.Files;

namespace EAmazing.Core.Tests.Foundation.Files;

/// <summary>A folder made through <see cref="AtomicDirectory"/> appears whole on commit and not at all otherwise.</summary>
public sealed class AtomicDirectoryTests
{
    [Fact]
    public void A_commit_moves_the_filled_folder_into_place()
    {
        using var root = new TempFolder();
        var target = Path.Combine(root.Path, "3");
        using (var folder = new AtomicDirectory(target, Path.Combine(root.Path, ".tmp-3")))
        {
            Directory.CreateDirectory(Path.Combine(folder.TemporaryPath, "report"));
            File.WriteAllText(Path.Combine(folder.TemporaryPath, "report", "index.html"), "<p>ok</p>");
            File.WriteAllText(Path.Combine(folder.TemporaryPath, "card.json"), "{}");
            Assert.False(Directory.Exists(target));
            folder.Commit();
        }

        Assert.Equal("<p>ok</p>", File.ReadAllText(Path.Combine(target, "report", "index.html")));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(target, "card.json")));
        Assert.Equal([target], Directory.GetDirectories(root.Path));
    }

    [Fact]
    public void A_folder_disposed_without_a_commit_leaves_nothing_and_a_crashed_leftover_is_cleared_first()
    {
        using var root = new TempFolder();
        var target = Path.Combine(root.Path, "model");
        var temporary = Path.Combine(root.Path, ".tmp-model");
        Directory.CreateDirectory(temporary);
        File.WriteAllText(Path.Combine(temporary, "stale.bin"), "from a crash");

        using (var folder = new AtomicDirectory(target, temporary))
        {
            Assert.Empty(Directory.GetFiles(folder.TemporaryPath));
            File.WriteAllText(Path.Combine(folder.TemporaryPath, "model.bin"), "half");
        }

        Assert.Empty(Directory.GetDirectories(root.Path));
    }
}
