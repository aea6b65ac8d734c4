using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>Each class of malformed row is quarantined with its reason, and every row of the file is accounted for.</summary>
public sealed class MalformedRowTests
{
    private const string Time = "2019-10-01 00:00:02 UTC";
    private const string Tail = "541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c";

    public static TheoryData<string, string, QuarantineReason> Cases => new()
    {
        { "too few columns", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,541312140", QuarantineReason.WrongColumnCount },
        { "too many columns", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,{Tail},extra", QuarantineReason.WrongColumnCount },
        { "an empty line", "", QuarantineReason.WrongColumnCount },
        { "a brand with an unquoted comma", $"{Time},view,44600062,2103807459595387724,,shi,seido,35.79,{Tail}", QuarantineReason.WrongColumnCount },
        { "an empty event_time", $",view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeMissing },
        { "an ISO event_time", $"2019-10-01T00:00:02Z,view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeMalformed },
        { "an event_time without UTC", $"2019-10-01 00:00:02,view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeMalformed },
        { "an impossible date", $"2019-02-30 00:00:02 UTC,view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeMalformed },
        { "an impossible hour", $"2019-10-01 24:00:02 UTC,view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeMalformed },
        { "an event_time in 1970", $"1970-01-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeOutOfRange },
        { "an event_time in the far future", $"2099-01-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTimeOutOfRange },
        { "an empty event_type", $"{Time},,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTypeMissing },
        { "an unknown event_type", $"{Time},click,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTypeUnknown },
        { "an upper-case event_type", $"{Time},VIEW,44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.EventTypeUnknown },
        { "an empty product_id", $"{Time},view,,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.ProductIdMissing },
        { "a negative product_id", $"{Time},view,-44600062,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.ProductIdMalformed },
        { "a product_id beyond 64 bits", $"{Time},view,99999999999999999999,2103807459595387724,,shiseido,35.79,{Tail}", QuarantineReason.ProductIdOutOfRange },
        { "a category_id with letters", $"{Time},view,44600062,2103807459595387724x,,shiseido,35.79,{Tail}", QuarantineReason.CategoryIdMalformed },
        { "a category_id beyond 64 bits", $"{Time},view,44600062,21038074595953877240,,shiseido,35.79,{Tail}", QuarantineReason.CategoryIdOutOfRange },
        { "an empty category_id", $"{Time},view,44600062,,,shiseido,35.79,{Tail}", QuarantineReason.CategoryIdMissing },
        { "an empty price", $"{Time},view,44600062,2103807459595387724,,shiseido,,{Tail}", QuarantineReason.PriceMissing },
        { "a negative price", $"{Time},view,44600062,2103807459595387724,,shiseido,-35.79,{Tail}", QuarantineReason.PriceOutOfRange },
        { "a price above the ceiling", $"{Time},view,44600062,2103807459595387724,,shiseido,1000000.00,{Tail}", QuarantineReason.PriceOutOfRange },
        { "a price with a quoted decimal comma (no quoting: ten columns)", $"{Time},view,44600062,2103807459595387724,,shiseido,\"35,79\",{Tail}", QuarantineReason.WrongColumnCount },
        { "a price with three decimals", $"{Time},view,44600062,2103807459595387724,,shiseido,35.791,{Tail}", QuarantineReason.PriceMalformed },
        { "a price in exponent form", $"{Time},view,44600062,2103807459595387724,,shiseido,3.5e1,{Tail}", QuarantineReason.PriceMalformed },
        { "an empty user_id", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,,72d76fde-8bb3-4e00-8c23-a032dfed738c", QuarantineReason.UserIdMissing },
        { "a user_id with letters", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,5413x2140,72d76fde-8bb3-4e00-8c23-a032dfed738c", QuarantineReason.UserIdMalformed },
        { "a user_id beyond 64 bits", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,18446744073709551616,72d76fde-8bb3-4e00-8c23-a032dfed738c", QuarantineReason.UserIdOutOfRange },
        { "a session that is not a UUID", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,541312140,not-a-session", QuarantineReason.UserSessionMalformed },
        { "a session UUID without hyphens", $"{Time},view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde8bb34e008c23a032dfed738c", QuarantineReason.UserSessionMalformed },
        { "a tab in the brand", $"{Time},view,44600062,2103807459595387724,,shi\tseido,35.79,{Tail}", QuarantineReason.ControlCharacter },
        { "a bell character in the category code", $"{Time},view,44600062,2103807459595387724,a\u0007b,shiseido,35.79,{Tail}", QuarantineReason.ControlCharacter },
        { "a brand longer than 256 characters", $"{Time},view,44600062,2103807459595387724,,{new string('b', 300)},35.79,{Tail}", QuarantineReason.TextTooLong },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_row_with_a_defect_is_quarantined_with_its_reason_and_exact_accounting(string defect, string line, QuarantineReason reason)
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("input.csv", [Rows.Header, Rows.Good, line, Rows.OtherGood]);

        Assert.True(outcome.File.Rows == new RowAccounting(3, 2, 0, 1), $"{defect}: {outcome.File.Rows}");
        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        var quarantined = lake.Query("SELECT reason, source_line, source_name, message FROM quarantine").Rows.Single();
        Assert.Equal(reason.ToString(), quarantined[0]);
        Assert.Equal(3L, quarantined[1]);
        Assert.Equal("input.csv", quarantined[2]);
        Assert.False(string.IsNullOrEmpty((string?)quarantined[3]));
        Assert.Equal(2, lake.Count("SELECT count(*) FROM bronze"));
    }

    [Fact]
    public void Invalid_utf8_bytes_are_quarantined_as_invalid_encoding()
    {
        using var lake = new TestLake();
        var path = lake.Input("latin1.csv");
        var bad = System.Text.Encoding.ASCII.GetBytes($"{Time},view,44600062,2103807459595387724,,shis").Concat(new byte[] { 0xE9, 0xFF }).Concat(System.Text.Encoding.ASCII.GetBytes($"do,35.79,{Tail}\n"));
        File.WriteAllBytes(path, System.Text.Encoding.ASCII.GetBytes(Rows.Good + "\n").Concat(bad).ToArray());

        var outcome = lake.Ingest(path);

        Assert.Equal(new RowAccounting(2, 1, 0, 1), outcome.File.Rows);
        Assert.Equal(nameof(QuarantineReason.InvalidEncoding), lake.Query("SELECT reason FROM quarantine").Rows.Single()[0]);
    }

    [Fact]
    public void A_quarantined_row_keeps_its_content_with_ids_pseudonymised_never_raw()
    {
        using var lake = new TestLake();
        lake.IngestLines("input.csv", [$"{Time},click,44600062,2103807459595387724,,shiseido,35.79,{Tail}"]);

        var row = lake.Query("SELECT event_type, product_id, brand, price, user_id, user_session FROM quarantine").Rows.Single();
        var pseudonyms = new EAmazing.Privacy.Pseudonymiser(TestLake.Key);

        Assert.Equal(["click", "44600062", "shiseido", "35.79"], row[..4]);
        Assert.Equal(pseudonyms.User(541312140), row[4]);
        Assert.Equal(pseudonyms.Session(Guid.Parse("72d76fde-8bb3-4e00-8c23-a032dfed738c")), row[5]);
    }

    [Fact]
    public void A_quarantined_row_with_shifted_columns_keeps_no_content_at_all()
    {
        using var lake = new TestLake();
        lake.IngestLines("input.csv", [$"{Time},view,44600062,2103807459595387724,,shi,seido,35.79,{Tail}"]);

        var row = lake.Query("SELECT column_count, event_time, user_id, user_session, price FROM quarantine").Rows.Single();

        Assert.Equal([10, null, null, null, null], row);
    }

    [Fact]
    public void A_quarantined_row_with_a_malformed_identifier_keeps_no_content_since_its_columns_may_be_shifted()
    {
        using var lake = new TestLake();
        // A missing price shifts the user id into the price column and the session into user_id.
        lake.IngestLines("input.csv", [$"{Time},view,44600062,2103807459595387724,electronics,apple,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c,"]);

        var row = lake.Query("SELECT reason, brand, price, user_id, user_session FROM quarantine").Rows.Single();

        Assert.Equal(["PriceOutOfRange", null, null, null, null], row);
    }
}
