using System.Globalization;
using EAmazing.Core.Tests.Support;
using EAmazing.Lake;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;

namespace EAmazing.Core.Tests.Ingestion;

public sealed class RealSampleIngestTests
{
    [Fact]
    public void All_17434_real_rows_ingest_with_5_exact_duplicates_and_none_quarantined()
    {
        using var lake = new TestLake();

        var outcome = lake.Ingest(Rows.RealSample);

        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Equal(new RowAccounting(17_434, 17_429, 5, 0), outcome.File.Rows);
        Assert.Equal(17_434, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(17_429, lake.Count("SELECT count(*) FROM silver"));
        Assert.Equal(0, lake.Count("SELECT count(*) FROM quarantine"));
        Assert.Equal(17_434, lake.Count("SELECT rows_read FROM ingested_files"));
    }

    [Fact]
    public void Every_real_value_is_preserved_in_bronze_with_ids_through_the_pseudonym_function()
    {
        using var lake = new TestLake();
        lake.Ingest(Rows.RealSample);
        var pseudonyms = new Pseudonymiser(TestLake.Key);

        var expected = Rees46FileReader.ReadEvents(Rows.RealSample).ToList();
        var bronze = lake.Query("""
            SELECT event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session, source_line
            FROM bronze ORDER BY source_line
            """).Rows;

        Assert.Equal(expected.Count, bronze.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var b = bronze[i];
            Assert.Equal(i + 2L, b[9]); // line 1 is the header
            Assert.Equal(e.EventTime, (DateTime)b[0]!);
            Assert.Equal(Rees46Format.EventTypeName(e.EventType), b[1]);
            Assert.Equal(e.ProductId, b[2]);
            Assert.Equal(e.CategoryId, b[3]);
            Assert.Equal(e.CategoryCode, (string?)b[4] ?? "");
            Assert.Equal(e.Brand, (string?)b[5] ?? "");
            Assert.Equal(e.Price, Convert.ToDecimal(b[6], CultureInfo.InvariantCulture));
            Assert.Equal(pseudonyms.User(e.UserId), b[7]);
            Assert.Equal(pseudonyms.Session(Guid.Parse(e.UserSession)), b[8]);
        }
    }

    [Fact]
    public void Bronze_is_time_ordered_and_carries_the_key_id()
    {
        using var lake = new TestLake();
        lake.Ingest(Rows.RealSample);

        Assert.Equal(0, lake.Count("SELECT count(*) FROM (SELECT event_time < lag(event_time) OVER () AS back FROM bronze) WHERE back"));
        Assert.Equal(TestLake.Key.KeyId, lake.Query("SELECT DISTINCT key_id FROM bronze").Rows.Single()[0]);
        Assert.All(lake.Engine.Partitions(), p => Assert.Equal(TestLake.Key.KeyId, p.KeyId));
    }

    [Fact]
    public void Silver_resessionises_per_user_with_a_30_minute_gap_and_leads_to_the_source_session_through_bronze()
    {
        using var lake = new TestLake();
        lake.Ingest(Rows.RealSample);

        // No two consecutive events of one silver session are more than 30 minutes apart.
        Assert.Equal(0, lake.Count("""
            SELECT count(*) FROM (
                SELECT event_time - lag(event_time) OVER (PARTITION BY session_id ORDER BY event_time) AS gap FROM silver)
            WHERE gap > INTERVAL '30 minutes'
            """));
        // Silver keeps no session pseudonym as received: each row's bronze row (same file and line) holds it.
        Assert.Equal(0, lake.Count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'silver' AND column_name = 'source_session'"));
        Assert.Equal(0, lake.Count("""
            SELECT count(*) FROM silver s LEFT JOIN bronze b USING (source_file, source_line)
            WHERE b.user_session IS NULL OR b.user_id <> s.user_id OR b.event_time <> s.event_time
            """));
        Assert.True(lake.Count("SELECT count(DISTINCT session_id) FROM silver") > 4_000);
    }

    [Fact]
    public void Silver_built_in_16_user_buckets_holds_exactly_what_one_bucket_holds()
    {
        using var whole = new TestLake();
        using var bucketed = new TestLake(whole.Options with { SilverBucketRows = 1_000 });
        whole.Ingest(Rows.RealSample);
        bucketed.Ingest(Rows.RealSample);

        const string Fingerprint = "SELECT count(*), count(DISTINCT session_id), sum(hash(t)) FROM silver AS t";
        Assert.Single(whole.Engine.Partitions(), p => p.Layer == "silver");
        Assert.Equal(16, bucketed.Engine.Partitions().Count(p => p.Layer == "silver"));
        Assert.Equal(whole.Query(Fingerprint).Rows.Single(), bucketed.Query(Fingerprint).Rows.Single());
    }
}
