using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Time;
using NodaTime;
using static Governance.Core.Tests.Time.ServiceLevelGenerators;

namespace Governance.Core.Tests.Time;

public class ServiceLevelProperties
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    [Property(MaxTest = 500)]
    public Property Without_a_cutoff_the_same_day_deadline_is_the_next_local_midnight_after_receipt() =>
        Prop.ForAll(
            (from received in Receipts from c in Classes select (received, c)).ToArbitrary(),
            x =>
            {
                var sameDay = ServiceLevelPolicy.Default.DeadlinesFor(x.c, x.received).SameDay;
                var local = x.received.InZone(Beijing);
                return (sameDay == StartOfDay(local.Date.PlusDays(1))).Label("start of the next local day")
                    .And((sameDay.InZone(Beijing).TimeOfDay == LocalTime.Midnight).Label("at midnight"))
                    .And((sameDay > x.received).Label("after receipt"))
                    .And((sameDay - x.received <= Duration.FromDays(1)).Label("within a day"));
            });

    [Property(MaxTest = 500)]
    public Property With_a_cutoff_a_receipt_at_or_after_it_is_due_at_the_end_of_the_next_working_day() =>
        Prop.ForAll(
            (from cutoff in Cutoffs from received in ReceiptsAround(cutoff) from c in Classes select (cutoff, received, c)).ToArbitrary(),
            x =>
            {
                var policy = new ServiceLevelPolicyBuilder().WithSameDayCutoff(x.cutoff).Build();
                var sameDay = policy.DeadlinesFor(x.c, x.received).SameDay;
                var local = x.received.InZone(Beijing).LocalDateTime;
                var next = Calendar.NextWorkingDay(local.Date);
                var expected = local.TimeOfDay >= x.cutoff || !Calendar.IsWorkingDay(local.Date)
                    ? StartOfDay(next.PlusDays(1))
                    : StartOfDay(local.Date.PlusDays(1));
                return (sameDay == expected).Label($"expected {expected}, got {sameDay}")
                    .And((sameDay > x.received).Label("after receipt"))
                    .Classify(local.TimeOfDay >= x.cutoff, "at or after the cut-off")
                    .Classify(!Calendar.IsWorkingDay(local.Date), "on a day off");
            });

    [Property(MaxTest = 500)]
    public Property Warning_lies_between_receipt_and_resolution_at_its_fraction_of_the_limits_clock() =>
        Prop.ForAll(
            (from policy in Policies from received in Receipts from c in Classes select (policy, received, c)).ToArbitrary(),
            x =>
            {
                var d = x.policy.DeadlinesFor(x.c, x.received);
                var limit = x.policy.LimitFor(x.c);
                var start = limit.Clock == LimitClock.CalendarTime || x.received >= StartOfDay(x.policy.ReceiptDay(x.received))
                    ? x.received
                    : StartOfDay(x.policy.ReceiptDay(x.received));
                var toWarning = TimeLeft(limit, Calendar, start, d.Warning);
                var toResolution = TimeLeft(limit, Calendar, start, d.Resolution);
                var atFraction = Math.Abs((toWarning - (toResolution * x.policy.WarningFraction)).TotalNanoseconds) <= 1;
                return (x.received <= d.Warning).Label("warning not before receipt")
                    .And((d.Warning <= d.Resolution).Label("warning not after resolution"))
                    .And((d.Resolution > x.received).Label("resolution after receipt"))
                    .And(atFraction.Label($"warning at {x.policy.WarningFraction} of {toResolution}, got {toWarning}"))
                    .Classify(limit.Clock == LimitClock.CalendarTime, "calendar")
                    .Classify(x.policy.SameDayCutoff is not null, "cut-off");
            });

    [Property(MaxTest = 300)]
    public Property A_working_day_limit_ends_at_the_close_of_office_hours_on_the_nth_working_day_after_the_receipt_day() =>
        Prop.ForAll(
            (from cutoff in Gen.OneOf(Gen.Constant<LocalTime?>(null), Cutoffs.Select(c => (LocalTime?)c))
             from days in Gen.Choose(1, 30)
             from received in Receipts
             select (cutoff, days, received)).ToArbitrary(),
            x =>
            {
                var policy = new ServiceLevelPolicyBuilder()
                    .WithSameDayCutoff(x.cutoff)
                    .WithLimit(CategoryClass.Ordinary, ResolutionLimit.WorkingDays(x.days))
                    .Build();
                var resolution = policy.DeadlinesFor(CategoryClass.Ordinary, x.received).Resolution.InZone(Beijing);
                var receiptDay = policy.ReceiptDay(x.received);
                var counted = Calendar.CountWorkingDays(new DateInterval(receiptDay.PlusDays(1), resolution.Date));
                return (resolution.TimeOfDay == new LocalTime(17, 30)).Label($"at 17:30, got {resolution}")
                    .And(Calendar.IsWorkingDay(resolution.Date).Label("on a working day"))
                    .And((counted == x.days).Label($"{x.days} working days after {receiptDay}, got {counted}"));
            });

    [Property(MaxTest = 500)]
    public Property A_later_receipt_never_gets_an_earlier_deadline() =>
        Prop.ForAll(
            (from policy in Policies
             from first in Receipts
             from later in Gen.OneOf(
                 Gen.Choose(0, 3 * 24 * 60).Select(m => Duration.FromMinutes(m)),
                 Gen.Choose(0, 1000).Select(n => Duration.FromNanoseconds(n)))
             from c in Classes
             select (policy, first, second: first + later, c)).ToArbitrary(),
            x =>
            {
                var a = x.policy.DeadlinesFor(x.c, x.first);
                var b = x.policy.DeadlinesFor(x.c, x.second);
                return (a.SameDay <= b.SameDay).Label("same day")
                    .And((a.Warning <= b.Warning).Label("warning"))
                    .And((a.Resolution <= b.Resolution).Label("resolution"));
            });

    [Property(MaxTest = 500)]
    public Property A_pause_never_shortens_the_time_left() =>
        Prop.ForAll(
            (from policy in Policies
             from received in Receipts
             from pauseAfter in Gen.OneOf(Gen.Choose(0, 20 * 24 * 60), Gen.Choose(0, 24 * 60)).Select(m => Duration.FromMinutes(m))
             from pauseFor in Gen.OneOf(Gen.Choose(0, 10 * 24 * 60), Gen.Choose(0, 18 * 60), Gen.Constant(0)).Select(m => Duration.FromMinutes(m))
             from c in Classes
             select (policy, received, pausedAt: received + pauseAfter, resumedAt: received + pauseAfter + pauseFor, c)).ToArbitrary(),
            x =>
            {
                var before = x.policy.DeadlinesFor(x.c, x.received);
                var after = x.policy.Resume(before, x.c, x.pausedAt, x.resumedAt);
                var limit = x.policy.LimitFor(x.c);
                var leftAtPause = TimeLeft(limit, Calendar, x.pausedAt, before.Resolution);
                var leftAtResume = TimeLeft(limit, Calendar, x.resumedAt, after.Resolution);
                var warningLeftAtPause = TimeLeft(limit, Calendar, x.pausedAt, before.Warning);
                var warningLeftAtResume = TimeLeft(limit, Calendar, x.resumedAt, after.Warning);
                return (after.SameDay >= before.SameDay).Label("same day not earlier")
                    .And((after.Warning >= before.Warning).Label("warning not earlier"))
                    .And((after.Resolution >= before.Resolution).Label("resolution not earlier"))
                    .And((leftAtResume >= leftAtPause).Label($"time left: {leftAtPause} at pause, {leftAtResume} at resume"))
                    .And((warningLeftAtResume >= warningLeftAtPause).Label("time left to the warning"))
                    .And((x.pausedAt != x.resumedAt || after == before).Label("an empty pause changes nothing"))
                    .Classify(x.pausedAt < before.SameDay && x.resumedAt >= before.SameDay, "pause spans the same-day deadline")
                    .Classify(x.pausedAt >= before.Resolution, "paused after the resolution deadline");
            });

    [Property(MaxTest = 500)]
    public Property A_pause_across_the_same_day_deadline_gives_the_resident_until_the_end_of_the_day_they_are_reached() =>
        Prop.ForAll(
            (from received in Receipts
             from pauseAfter in Gen.Choose(0, 24 * 60).Select(m => Duration.FromMinutes(m))
             from pauseFor in Gen.Choose(0, 3 * 24 * 60).Select(m => Duration.FromMinutes(m))
             from c in Classes
             select (received, pausedAt: received + pauseAfter, resumedAt: received + pauseAfter + pauseFor, c)).ToArbitrary(),
            x =>
            {
                var policy = ServiceLevelPolicy.Default;
                var before = policy.DeadlinesFor(x.c, x.received);
                var after = policy.Resume(before, x.c, x.pausedAt, x.resumedAt);
                var spans = x.pausedAt < before.SameDay && x.resumedAt >= before.SameDay;
                var expected = spans ? StartOfDay(x.resumedAt.InZone(Beijing).Date.PlusDays(1)) : before.SameDay;
                return (after.SameDay == expected).Label($"expected {expected}, got {after.SameDay}")
                    .Classify(spans, "spans the same-day deadline");
            });
}
