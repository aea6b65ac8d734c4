using System.Text;
using EAmazing.Core.Tests.Support;
using EAmazing.Foundation.Files;
using FsCheck;
using FsCheck.Fluent;

namespace EAmazing.Core.Tests.Foundation.Files;

/// <summary>A file replaced through <see cref="AtomicFile"/> holds the whole new content or the whole previous one, never half.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public void A_commit_replaces_the_whole_file_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("state.json");
        File.WriteAllText(path, "previous, and longer than what replaces it");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_write_that_fails_leaves_the_previous_content_and_removes_its_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        File.WriteAllText(path, "previous\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, writer =>
        {
            writer.Write("half of the new ");
            throw new InvalidOperationException("disk full");
        }, temporaryPath: path + ".tmp"));

        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_file_disposed_without_a_commit_does_not_appear()
    {
        using var folder = new TempFolder();
        var path = folder.File("never.csv");
        using (var file = new AtomicFile(path))
        {
            file.Stream.Write("abc"u8);
            Assert.True(File.Exists(file.TemporaryPath));
            Assert.Equal(folder.Path, Path.GetDirectoryName(file.TemporaryPath)); // same folder: the rename stays on one file system
        }

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Exclusive_create_refuses_an_existing_file_and_keeps_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("key");
        File.WriteAllText(path, "first");

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "second", overwrite: false));

        Assert.Equal("first", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
        AtomicFile.WriteAllText(folder.File("other"), "made", overwrite: false);
        Assert.Equal("made", File.ReadAllText(folder.File("other")));
    }

    [Fact]
    public void Owner_only_files_are_created_readable_by_the_owner_alone_even_over_a_leftover_temporary_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.File("secret");
        File.WriteAllText(path + ".writing", "crashed attempt");
        File.SetUnixFileMode(path + ".writing", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        AtomicFile.WriteAllText(path, "s3cret", temporaryPath: path + ".writing", unixCreateMode: AtomicFile.OwnerOnly);

        Assert.Equal(AtomicFile.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal("s3cret", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("utf-8 with a byte order mark")]
    public void Text_has_the_same_bytes_as_File_WriteAllText(string? bom)
    {
        using var folder = new TempFolder();
        const string Text = "{\"name\": \"Zoë\", \"price\": 3.5}\n";
        var encoding = bom is null ? null : Encoding.UTF8;

        AtomicFile.WriteAllText(folder.File("atomic"), Text, encoding);
        if (encoding is null)
        {
            File.WriteAllText(folder.File("plain"), Text);
        }
        else
        {
            File.WriteAllText(folder.File("plain"), Text, encoding);
        }

        Assert.Equal(File.ReadAllBytes(folder.File("plain")), File.ReadAllBytes(folder.File("atomic")));
    }

    /// <summary>
    /// Whatever the previous and the new content, and wherever the write fails (or not at all): afterwards the file
    /// is exactly the new content after a commit, exactly the previous one after a failure, and nothing else is left.
    /// </summary>
    [Fact]
    public void The_file_is_always_the_whole_new_or_the_whole_previous_content() =>
        Prop.ForAll(
            Gen.Zip(Gen.Zip(Bytes, Bytes), Gen.Choose(-1, 64)).Select(t => (Previous: t.Item1.Item1, Next: t.Item1.Item2, FailAfter: t.Item2)).ToArbitrary(),
            ((byte[] Previous, byte[] Next, int FailAfter) c) =>
            {
                using var folder = new TempFolder();
                var path = folder.File("file.bin");
                File.WriteAllBytes(path, c.Previous);
                var fails = c.FailAfter >= 0 && c.FailAfter <= c.Next.Length;
                try
                {
                    AtomicFile.Write(path, stream =>
                    {
                        for (var i = 0; i < c.Next.Length; i++)
                        {
                            if (fails && i == c.FailAfter)
                            {
                                throw new IOException("simulated failure");
                            }

                            stream.WriteByte(c.Next[i]);
                        }

                        if (fails && c.FailAfter == c.Next.Length)
                        {
                            throw new IOException("simulated failure after the last byte");
                        }
                    });
                }
                catch (IOException) when (fails)
                {
                }

                return File.ReadAllBytes(path).SequenceEqual(fails ? c.Previous : c.Next)
                    && Directory.GetFiles(folder.Path).Length == 1;
            }).QuickCheckThrowOnFailure();

    private static readonly Gen<byte[]> Bytes = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();
}
