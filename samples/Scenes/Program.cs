// 扫码即知 / 扫码即诉: issue the two QR codes of a lift in 新华西街社区 (北苑街道), render them as PNG and SVG with
// QRCoder, and scan them: who answers for the lift, a breakdown reported on the spot, and a tampered code refused.
//
//   dotnet run --project samples/Scenes -- [--out DIR] [--base-url URL]
//
// The signing key is the operator's: set GOVERNANCE_SCENE_KEY to at least 32 random bytes in base64
// (openssl rand -base64 32). Without it the sample makes a throwaway key, and its codes verify only in this run.
using System.Security.Cryptography;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Scenes;
using Governance.Core.Time;
using NodaTime;
using QRCoder;

var outDir = Option("--out") ?? "qr-codes";
var baseUrl = Option("--base-url") ?? "https://scan.example.invalid/s/";
var secret = Environment.GetEnvironmentVariable("GOVERNANCE_SCENE_KEY") is { Length: > 0 } b64
    ? Convert.FromBase64String(b64)
    : RandomNumberGenerator.GetBytes(32);
if (Environment.GetEnvironmentVariable("GOVERNANCE_SCENE_KEY") is not { Length: > 0 })
{
    Console.WriteLine("GOVERNANCE_SCENE_KEY is not set: signing with a throwaway key (codes verify only in this run).");
}

IClock clock = SystemClock.Instance; // the composition root is the one place that picks the wall clock
var chart = SampleDistrict.Chart;
var router = new Router(chart, CategoryCatalogue.Default);
var scenes = new QrScenes(new SceneTokens(new SceneKeyRing(new SceneSigningKey("tz-1", secret)), "tongzhou", clock), new ServiceDirectory(router));

var building = chart.DescendantsOf(chart.GetUnit(SampleDistrict.Units.Xinhuaxijie)).ToArray().First(u => u.Level == UnitLevel.Building);
var lift = new ScenePlace(building.Id, new Facility(new FacilityId($"{building.Id}-lift-1"), FacilityKind.Lift));
var (knowToken, knowCode) = scenes.Issue(lift, ScenePurpose.Know, Duration.FromDays(365));
var (reportToken, reportCode) = scenes.Issue(lift, ScenePurpose.Report, Duration.FromDays(365));

Directory.CreateDirectory(outDir);
using var generator = new QRCodeGenerator();
foreach (var (name, token) in new[] { ("lift-know", knowToken), ("lift-report", reportToken) })
{
    var url = baseUrl + token;
    using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
    File.WriteAllBytes(Path.Combine(outDir, name + ".png"), new PngByteQRCode(data).GetGraphic(8));
    File.WriteAllText(Path.Combine(outDir, name + ".svg"), new SvgQRCode(data).GetGraphic(8));
    Console.WriteLine($"{name}: {url.Length} characters, QR version {data.Version} → {Path.Combine(outDir, name)}.png / .svg");
}

Console.WriteLine($"Codes for {building.Name} ({knowCode.Place}), valid until {knowCode.ExpiresAt}; likely category {reportCode.Category}.");

// 扫码即知: what a resident sees on scanning the first code.
var answer = scenes.Know(knowToken).GetValueOrThrow();
Console.WriteLine($"扫码即知 → {answer.Responsible?.CategoryName}: {answer.Responsible?.HandlerName} {answer.Responsible?.Name} {answer.Responsible?.Phone}");
foreach (var staff in answer.Card.LocalStaff.Take(3))
{
    Console.WriteLine($"           {staff.Role} {staff.Name} {staff.Phone}");
}

// 扫码即诉: the second code opens a request at the desk, place and category filled in.
var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock, new InMemoryRequestEventSink());
var received = scenes.ReportTo(desk, reportToken, new RequestId("qr-demo-1"), "电梯停在8层不动", ResidentContact.None).GetValueOrThrow();
Console.WriteLine($"扫码即诉 → {received.RequestId}: {received.Category} ({received.CategoryClass}), owner {received.Owner}, handler {received.Handler}, same-day deadline {received.Deadlines.SameDay}");

// A code whose text was altered is refused, and nothing reaches the desk.
var tampered = reportToken[..20] + (reportToken[20] == 'A' ? 'B' : 'A') + reportToken[21..];
var refused = scenes.ReportTo(desk, tampered, new RequestId("qr-demo-2"), "电梯停在8层不动", ResidentContact.None);
Console.WriteLine($"tampered → {refused}; requests at the desk: {desk.ReceivedCount}");
return refused.IsAccepted ? 1 : 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
