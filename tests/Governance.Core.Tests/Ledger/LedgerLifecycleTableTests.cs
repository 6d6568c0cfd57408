using Governance.Core.Ledger;

namespace Governance.Core.Tests.Ledger;

/// <summary>The compiled table agrees with Stateless in every cell, and the lifecycle keeps the reply-then-outcome rule.</summary>
public sealed class LedgerLifecycleTableTests
{
    public static TheoryData<LedgerItemStatus> OwnStatuses() =>
        [.. Enum.GetValues<LedgerItemStatus>().Where(s => s != LedgerItemStatus.OnLedger)];

    [Theory]
    [MemberData(nameof(OwnStatuses))]
    public void Every_cell_of_the_table_is_what_Stateless_does(LedgerItemStatus status)
    {
        foreach (var trigger in Enum.GetValues<LedgerTrigger>())
        {
            var machine = LedgerLifecycle.CreateMachine(status);
            var permitted = machine.CanFire(trigger);
            Assert.Equal(permitted, LedgerLifecycle.TryGetNext(status, trigger, out var next));
            if (permitted)
            {
                machine.Fire(trigger);
                Assert.Equal(machine.State, next);
            }
        }
    }

    [Fact]
    public void Terminal_statuses_permit_nothing()
    {
        Assert.Empty(LedgerLifecycle.PermittedTriggers(LedgerItemStatus.Completed));
        Assert.Empty(LedgerLifecycle.PermittedTriggers(LedgerItemStatus.Dropped));
    }

    [Fact]
    public void An_outcome_is_permitted_only_after_the_reply()
    {
        var completing = Enum.GetValues<LedgerItemStatus>().Where(s => LedgerLifecycle.CanFire(s, LedgerTrigger.Complete));

        Assert.Equal([LedgerItemStatus.Replied], completing);
    }

    [Fact]
    public void Every_non_terminal_status_can_still_reach_an_outcome_by_drop()
    {
        foreach (var status in Enum.GetValues<LedgerItemStatus>().Where(s => s != LedgerItemStatus.OnLedger && !LedgerLifecycle.IsTerminal(s)))
        {
            Assert.True(LedgerLifecycle.TryGetNext(status, LedgerTrigger.Drop, out var next) && next == LedgerItemStatus.Dropped, $"{status} cannot be dropped");
        }
    }

    [Fact]
    public void Undefined_values_are_refused_rather_than_read_from_another_row()
    {
        Assert.False(LedgerLifecycle.CanFire((LedgerItemStatus)200, LedgerTrigger.Drop));
        Assert.False(LedgerLifecycle.CanFire(LedgerItemStatus.Open, (LedgerTrigger)(-1)));
        Assert.False(LedgerLifecycle.CanFire(LedgerItemStatus.OnLedger, LedgerTrigger.Drop));
    }
}
