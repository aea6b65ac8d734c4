using EAmazing.Ingestion;

namespace EAmazing.Lake;

/// <summary>Scratch tables for one input file: filled row by row, then written out as bronze and quarantine files.</summary>
public interface IStagingArea : IDisposable
{
    /// <summary>Appends a batch; called from the writing thread only.</summary>
    void Append(ReadOnlySpan<BronzeRow> rows, IReadOnlyList<QuarantinedRow> quarantined);

    /// <summary>Ends appending; the tables are complete.</summary>
    void Seal();

    long CountDuplicates();

    /// <param name="alreadyOrdered">The rows were staged in time order, so no sort is needed.</param>
    long WriteBronze(string month, string target, string fileId, string keyId, bool alreadyOrdered);

    long WriteQuarantine(string target, string fileId, string fileName, string keyId);
}
