using EAmazing.BusinessModels.Churn;
using EAmazing.BusinessModels.CustomerValue;
using EAmazing.Models.Business;

namespace EAmazing.Core.Tests.Models.Business;

/// <summary>Churn's <c>--oracle-users</c> and value's <c>--oracle-customers</c>: one rule, one message.</summary>
public sealed class OracleSampleParameterTests
{
    public static TheoryData<string> Options => new() { ChurnModel.OracleUsers.Name, CustomerValueModel.OracleCustomers.Name };

    [Theory]
    [MemberData(nameof(Options))]
    public void The_default_is_100000_and_a_bound_in_range_is_taken(string option)
    {
        var parameter = Parameter(option);

        Assert.Equal(100_000, OracleSampleParameter.Parse(new TrainingSettings(), parameter));
        Assert.Equal(10, OracleSampleParameter.Parse(With(option, "10"), parameter));
        Assert.Equal(100_000_000, OracleSampleParameter.Parse(With(option, "100000000"), parameter));
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void A_bound_out_of_range_or_not_a_whole_number_is_refused_naming_the_option(string option)
    {
        foreach (var text in new[] { "9", "100000001", "-5", "1e5", "many", "" })
        {
            var error = Assert.Throws<ArgumentException>(() => OracleSampleParameter.Parse(With(option, text), Parameter(option)));
            Assert.Equal($"--{option} '{text}' is not a whole number between 10 and 100000000", error.Message);
        }
    }

    private static ModelParameter Parameter(string option) =>
        option == ChurnModel.OracleUsers.Name ? ChurnModel.OracleUsers : CustomerValueModel.OracleCustomers;

    private static TrainingSettings With(string option, string text) =>
        new() { Parameters = new Dictionary<string, string> { [option] = text } };
}
