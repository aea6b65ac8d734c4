namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>One category's daily views over the history (0 on a day without a row), with its top-level category.</summary>
public sealed record CategoryHistory(string CategoryKey, string TopCategory, double[] Views);
