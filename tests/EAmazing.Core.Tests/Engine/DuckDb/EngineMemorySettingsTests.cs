using EAmazing.Core.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Engine.DuckDb;

/// <summary>
/// The staging engine keeps the memory its row groups come and go in (the ingest's page faults), up to its own memory
/// limit and no further; the lake's engine keeps it only when opened for engine work (ingest, the gold build), never by
/// default (a training reads through it, then needs the memory itself).
/// </summary>
public sealed class EngineMemorySettingsTests
{
    [Theory]
    [InlineData("512MB")]
    [InlineData("2GB")]
    public void The_staging_engine_keeps_as_much_memory_as_it_may_use(string memoryLimit)
    {
        using var lake = new TestLake();
        using var staging = (DuckDbStaging)lake.Engine.CreateStaging("settings-test", new StagingOptions(memoryLimit, 3_000_000));

        var kept = staging.Setting("block_allocator_memory");

        Assert.Equal(staging.Setting("memory_limit"), kept);
        Assert.NotEqual("0 bytes", kept);
    }

    [Fact]
    public void The_lake_engine_keeps_none_by_default()
    {
        using var lake = new TestLake();

        var kept = lake.Engine.Compute("SELECT current_setting('block_allocator_memory')").Rows[0][0];

        Assert.Equal("0 bytes", kept);
    }

    [Fact]
    public void The_lake_engine_opened_for_engine_work_keeps_up_to_its_memory_limit()
    {
        var root = Path.Combine(Path.GetTempPath(), "eamazing-keep-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var lake = new DuckDbEngine().OpenLake(root, "768MB", keepMemory: true);

            var settings = lake.Compute("SELECT current_setting('block_allocator_memory'), current_setting('memory_limit')").Rows[0];

            Assert.Equal(settings[1], settings[0]);
            Assert.NotEqual("0 bytes", settings[0]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
