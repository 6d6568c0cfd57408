namespace Governance.Core.Organization.Synthetic;

/// <summary>Deterministic made-up people: Chinese names and phone numbers that cannot belong to anyone.</summary>
internal static class SyntheticNames
{
    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文";
    private const string GivenCharacters = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国玉兰志强秀兰桂芳海燕红梅丽娟建华文静晓东春梅德明淑珍宏伟凤英玉梅立新金凤子涵浩然欣怡宇轩一诺梓萱";

    public static PersonName Name(Random random)
    {
        var surname = Surnames[random.Next(Surnames.Length)];
        var given = random.Next(3) == 0
            ? $"{GivenCharacters[random.Next(GivenCharacters.Length)]}"
            : $"{GivenCharacters[random.Next(GivenCharacters.Length)]}{GivenCharacters[random.Next(GivenCharacters.Length)]}";
        return new PersonName(surname + given);
    }

    public static string PlainName(Random random) => Name(random).Reveal();

    /// <summary>
    /// An 11-digit number starting with 100, a prefix no Chinese mobile network uses, so it masks like a real
    /// mobile number (100****1234) but reaches nobody.
    /// </summary>
    public static PhoneNumber ResidentPhone(Random random) => new($"100{random.Next(10_000_000, 100_000_000)}");

    /// <summary>A Beijing-style work number on the unused 0000 exchange: 010-0000-1234.</summary>
    public static string WorkPhone(Random random) => $"010-0000-{random.Next(10_000):D4}";
}
