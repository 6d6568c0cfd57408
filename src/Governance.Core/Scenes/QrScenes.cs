using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Scenes;

/// <summary>
/// 扫码即知 / 扫码即诉: issues QR codes bound to a place and a purpose, and answers their scans — who is responsible
/// here and for what (from the <see cref="ServiceDirectory"/>, so the answer is what routing does), or a request
/// ready for the desk with the place and likely category filled in. Every scan is verified by <see cref="Tokens"/>
/// first; a refused scan creates nothing. Immutable and safe to share between threads.
/// </summary>
public sealed class QrScenes
{
    /// <summary>Scenes over <paramref name="directory"/>'s chart and catalogue, with tokens signed and verified by <paramref name="tokens"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public QrScenes(SceneTokens tokens, ServiceDirectory directory)
    {
        Tokens = Preconditions.CheckNotNull(tokens);
        Directory = Preconditions.CheckNotNull(directory);
    }

    /// <summary>Signs and verifies the tokens.</summary>
    public SceneTokens Tokens { get; }

    /// <summary>Answers who is responsible; its router's chart and catalogue are the scenes'.</summary>
    public ServiceDirectory Directory { get; }

    /// <summary>The chart places must be in.</summary>
    public Chart Chart => Directory.Chart;

    /// <summary>The catalogue categories come from.</summary>
    public CategoryCatalogue Catalogue => Directory.Router.Catalogue;

    /// <summary>
    /// Issues a code for <paramref name="place"/> and <paramref name="purpose"/>, valid from the clock's instant for
    /// <paramref name="validFor"/>. Its likely category is <paramref name="category"/> when given, else the facility
    /// kind's <see cref="Facility.LikelyCategory"/> when the catalogue defines it, else none.
    /// </summary>
    /// <returns>The token to print, and the code it carries.</returns>
    /// <exception cref="ArgumentException">
    /// The place's unit is not in the chart, <paramref name="category"/> is not defined in the catalogue (exactly or by
    /// an ancestor), <paramref name="validFor"/> is under a second, or an id is too long (see <see cref="SceneTokens.Sign"/>).
    /// </exception>
    public (string Token, SceneCode Code) Issue(ScenePlace place, ScenePurpose purpose, Duration validFor, CategoryCode? category = null)
    {
        Preconditions.CheckArgument(!string.IsNullOrEmpty(place.Unit.Value) && Chart.TryGetUnit(place.Unit, out _), nameof(place),
            $"The unit '{place.Unit}' of the QR code is not in the chart.");
        if (category is { } named)
        {
            Preconditions.CheckArgument(Catalogue.TryGet(named, out _), nameof(category), $"The category '{named}' is not in the catalogue.");
        }
        else if (place.Facility is { } facility && Facility.LikelyCategory(facility.Kind) is { } likely && Catalogue.TryGet(likely, out _))
        {
            category = likely;
        }

        Preconditions.CheckArgument(validFor >= Duration.FromSeconds(1), nameof(validFor), $"A QR code is valid for at least a second; got {validFor}.");
        var now = Tokens.Clock.GetCurrentInstant();
        return Tokens.Sign(place, purpose, now, now + validFor, category);
    }

    /// <summary>
    /// 扫码即知: whom to contact here. Accepts a genuine, valid code of either purpose (a report code also shows who is
    /// responsible) whose unit is in the chart.
    /// </summary>
    /// <returns>The answer, or why the scan is refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public SceneResult<SceneAnswer> Know(string token)
    {
        var verified = Tokens.Verify(token);
        if (!verified.IsAccepted)
        {
            return SceneResult<SceneAnswer>.Refuse(verified.Refusal.Value, verified.Reason);
        }

        var code = verified.Value;
        if (!Chart.TryGetUnit(code.Place.Unit, out _))
        {
            return SceneResult<SceneAnswer>.Refuse(SceneRefusal.PlaceNotInChart, $"the unit '{code.Place.Unit}' is not in the chart");
        }

        var card = Directory.CardFor(code.Place.Unit);
        return SceneResult<SceneAnswer>.Accept(new SceneAnswer(code, card, code.Category is { } c ? card.EntryFor(c) : null));
    }

    /// <summary>
    /// 扫码即诉: the request a resident reports by scanning, ready for <see cref="RequestDesk.Submit"/>: channel
    /// <see cref="Channel.QrScan"/>, location the code's unit, category <paramref name="category"/> when the resident
    /// chose one, else the code's likely category, else the catalogue's triage category; its class is the catalogue's
    /// for that category. When the code hangs on a facility, the text ends with a line naming it
    /// (<c>[扫码设施 Lift beiyuan-…-lift-1]</c>) so that whoever handles it knows which one.
    /// </summary>
    /// <returns>The submission, or why the scan is refused: the token's refusals, the place not in the chart, or a scan-to-know code (<see cref="SceneRefusal.WrongPurpose"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> or <paramref name="text"/> is null.</exception>
    public SceneResult<RequestSubmission> Report(string token, RequestId id, string text, ResidentContact contact, CategoryCode? category = null)
    {
        Preconditions.CheckNotNull(text);
        var verified = Tokens.Verify(token);
        if (!verified.IsAccepted)
        {
            return SceneResult<RequestSubmission>.Refuse(verified.Refusal.Value, verified.Reason);
        }

        var code = verified.Value;
        if (code.Purpose != ScenePurpose.Report)
        {
            return SceneResult<RequestSubmission>.Refuse(SceneRefusal.WrongPurpose, "a scan-to-know code (扫码即知) shows who is responsible; it does not open a request");
        }

        if (!Chart.TryGetUnit(code.Place.Unit, out _))
        {
            return SceneResult<RequestSubmission>.Refuse(SceneRefusal.PlaceNotInChart, $"the unit '{code.Place.Unit}' is not in the chart");
        }

        var chosen = category ?? code.Category ?? Catalogue.Triage.Code;
        var definition = Catalogue.Resolve(chosen);
        var body = code.Place.Facility is { } facility ? $"{text}\n[扫码设施 {facility}]" : text;
        return SceneResult<RequestSubmission>.Accept(new RequestSubmission(
            id, Channel.QrScan, chosen, definition.Class, new RequestLocation(code.Place.Unit), contact, body));
    }

    /// <summary>
    /// <see cref="Report"/>, then <see cref="RequestDesk.Submit"/> on <paramref name="desk"/> when the scan is
    /// accepted. A refused scan never reaches the desk.
    /// </summary>
    /// <returns>The desk's receipt, or why the scan is refused.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The desk refuses the submission (for example, its id is already open); nothing changes.</exception>
    public SceneResult<RequestReceived> ReportTo(RequestDesk desk, string token, RequestId id, string text, ResidentContact contact, CategoryCode? category = null)
    {
        Preconditions.CheckNotNull(desk);
        var report = Report(token, id, text, contact, category);
        return report.IsAccepted
            ? SceneResult<RequestReceived>.Accept(desk.Submit(report.Value))
            : SceneResult<RequestReceived>.Refuse(report.Refusal.Value, report.Reason);
    }
}

/// <summary>
/// What scanning a code tells a resident (扫码即知): the code, the service card of its unit (every category, whom to
/// call, the local staff), and — when the code has a likely category — the card's entry for it: the handler routing
/// picks, the person to call, their phone and duties.
/// </summary>
/// <param name="Code">The verified code.</param>
/// <param name="Card">The service card of the code's unit.</param>
/// <param name="Responsible">The entry for the code's likely category; <see langword="null"/> when it has none.</param>
public sealed record SceneAnswer(SceneCode Code, ContactCard Card, ContactEntry? Responsible);
