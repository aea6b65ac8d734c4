using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>Why customer value processes purchase data, and which columns of which tables it uses and writes (the register reads it through the catalog).</summary>
public static class CustomerValuePurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "customer-value",
        "Customer value",
        "Estimates per customer the probability of still being a customer, the expected purchases and the expected spend over a horizon (BG/NBD and Gamma–Gamma), "
        + "to decide whom a retention or loyalty action is worth; written to gold_customer_scores by eamazing score customers and exported to the CRM by pseudonym only.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["gold_sessions"] = ["user_id", "session_start", "session_end", "has_purchase", "purchase_revenue"],
            [CustomerScoresTable.Table.ViewName] = CustomerScoresTable.Columns,
        },
        ["Marketing and CRM (retention and loyalty actions)", "Data science (model training and monitoring)"],
        ProcessingPurposes.EventRetention + "; gold_customer_scores: one partition per as-of month, dropped by the same retention and erased with the person");
}
