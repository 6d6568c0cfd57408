using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>Residents' names and phones never leave the library raw unless revealed by name.</summary>
public sealed class PersonalDataExamples
{
    private readonly Chart _chart = BeiyuanSample.Build();

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("+86 138 1234 1234", "+86 1** **** 1234")]
    [InlineData("12345", "***45")]
    [InlineData("1234567", "*****67")]
    [InlineData("010-89521234", "010-****1234")]
    [InlineData("89521234", "*****234")]
    public void A_phone_number_prints_masked(string raw, string masked)
    {
        var phone = new PhoneNumber(raw);

        Assert.Equal(masked, phone.ToString());
        Assert.Equal(masked, phone.Masked);
        Assert.Equal(raw, phone.Reveal());
        Assert.Equal(masked, $"{phone}");
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳明月", "欧***")]
    [InlineData("𠀀二", "𠀀*")]
    [InlineData("张", "*")]
    public void A_name_prints_masked_keeping_its_first_character(string raw, string masked)
    {
        var name = new PersonName(raw);

        Assert.Equal(masked, name.ToString());
        Assert.Equal(raw, name.Reveal());
    }

    [Property(MaxTest = 300)]
    public Property A_phone_number_never_prints_raw() =>
        Prop.ForAll(
            Gen.Choose(3, 15).SelectMany(n => Gen.Elements("0123456789".ToCharArray()).ArrayOf(n)).Select(d => new string(d)).ToArbitrary(),
            digits =>
            {
                var phone = new PhoneNumber(digits);
                Assert.DoesNotContain(digits, phone.ToString(), StringComparison.Ordinal);
                Assert.Equal(digits.Length, phone.ToString().Length);
                Assert.True(phone.ToString().Count(c => c == '*') >= Math.Min(4, digits.Length - 2), $"{phone} hides too few digits of {digits.Length}");
            });

    [Property(MaxTest = 300)]
    public Property A_name_never_prints_raw() =>
        Prop.ForAll(
            Gen.Choose(1, 5).SelectMany(n => Gen.Elements("张王李赵欧阳明月三四a𠀀".EnumerateRunes().Select(r => r.ToString()).ToArray()).ArrayOf(n)).Select(string.Concat).ToArbitrary(),
            raw => Assert.DoesNotContain(raw, new PersonName(raw).ToString(), StringComparison.Ordinal));

    [Fact]
    public void A_household_and_a_party_member_print_without_raw_personal_data()
    {
        var household = _chart.Households[0].ToString();
        var member = _chart.PartyMembers[0].ToString();

        Assert.Contains("张*", household, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.HeadName, household, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.HeadPhone, household, StringComparison.Ordinal);
        Assert.Contains("欧***", member, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.MemberName, member, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.MemberPhone, member, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_exported_by_default_holds_no_raw_name_or_phone()
    {
        var masked = Unescaped(ChartJson.Serialize(_chart));

        foreach (var raw in new[] { BeiyuanSample.HeadName, BeiyuanSample.HeadPhone, BeiyuanSample.MemberName, BeiyuanSample.MemberPhone })
        {
            Assert.DoesNotContain(raw, masked, StringComparison.Ordinal);
        }

        Assert.Contains("\"head\":\"张*\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"phone\":\"138****1234\"", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_exported_with_Reveal_holds_the_raw_names_and_phones()
    {
        var revealed = Unescaped(ChartJson.Serialize(_chart, PersonalDataExport.Reveal));

        foreach (var raw in new[] { BeiyuanSample.HeadName, BeiyuanSample.HeadPhone, BeiyuanSample.MemberName, BeiyuanSample.MemberPhone })
        {
            Assert.Contains(raw, revealed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void System_Text_Json_with_default_options_sees_only_masked_personal_data()
    {
        var household = Unescaped(JsonSerializer.Serialize(_chart.Households[0]));
        var member = Unescaped(JsonSerializer.Serialize(_chart.PartyMembers[0]));

        Assert.DoesNotContain(BeiyuanSample.HeadPhone, household, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.HeadName, household, StringComparison.Ordinal);
        Assert.Contains("138****1234", household, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.MemberPhone, member, StringComparison.Ordinal);
        Assert.DoesNotContain(BeiyuanSample.MemberName, member, StringComparison.Ordinal);
    }

    /// <summary>The JSON re-written without escaping non-ASCII, so that a raw 张三 cannot hide as \u5F20\u4E09.</summary>
    private static string Unescaped(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
