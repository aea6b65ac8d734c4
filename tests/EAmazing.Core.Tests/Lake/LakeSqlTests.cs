using DuckDB.NET.Data;
using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

public sealed class LakeSqlTests
{
    [Fact]
    public void A_lake_file_in_a_month_folder_is_read_with_its_own_columns_only()
    {
        using var folder = new TempFolder();
        var month = Path.Combine(folder.Path, "month=2020-01");
        Directory.CreateDirectory(month);
        var file = Path.Combine(month, "part's.parquet");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"COPY (SELECT 1 AS user_id, 'view' AS event_type) TO '{LakeSql.Literal(file)}' (FORMAT parquet)");

        // DuckDB's default would add the folder's month as a third column to every SELECT *
        Assert.Equal(["user_id", "event_type"], Columns(connection, $"SELECT * FROM {LakeSql.ReadParquet(file)}"));
        Assert.Equal(["user_id", "event_type", "file_row_number"],
            Columns(connection, $"SELECT * FROM {LakeSql.ReadParquet([file, file], "file_row_number = true")}"));
    }

    private static List<string> Columns(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
