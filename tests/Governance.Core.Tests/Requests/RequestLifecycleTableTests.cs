using Governance.Core.Requests;

namespace Governance.Core.Tests.Requests;

/// <summary>
/// The engine's fast path (<see cref="RequestLifecycle.TryGetNext"/>, a compiled table) against the Stateless
/// declaration it was compiled from, cell by cell: 10 statuses × 15 triggers is few enough to check them all.
/// </summary>
public sealed class RequestLifecycleTableTests
{
    private static readonly RequestStatus[] OwnStatuses = [.. Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Open)];

    public static TheoryData<RequestStatus> Statuses => new(OwnStatuses);

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_trigger_in_a_status_does_what_a_fresh_Stateless_machine_in_that_status_does(RequestStatus status)
    {
        foreach (var trigger in Enum.GetValues<RequestTrigger>())
        {
            var machine = RequestLifecycle.CreateMachine(status);
            var permitted = machine.CanFire(trigger);

            Assert.True(permitted == RequestLifecycle.TryGetNext(status, trigger, out var next), $"{status} × {trigger}: Stateless says {permitted}");
            Assert.Equal(permitted, RequestLifecycle.CanFire(status, trigger));
            if (permitted)
            {
                machine.Fire(trigger);
                Assert.Equal(machine.State, next);
            }
            else
            {
                Assert.Equal(status, next);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task The_permitted_triggers_are_the_ones_Stateless_permits(RequestStatus status) =>
        Assert.Equal(
            (await RequestLifecycle.CreateMachine(status).GetPermittedTriggersAsync()).Order(),
            RequestLifecycle.PermittedTriggers(status).Order());

    [Fact]
    public void The_table_has_a_cell_for_every_status_but_the_superstate_and_every_cell_was_checked()
    {
        Assert.Equal(11 - 1, OwnStatuses.Length);
        Assert.Equal(15, Enum.GetValues<RequestTrigger>().Length);
    }

    [Fact]
    public void Open_is_only_a_superstate_so_no_request_in_it_can_do_anything() =>
        Assert.Empty(RequestLifecycle.PermittedTriggers(RequestStatus.Open));

    [Fact]
    public void Only_closed_rejected_and_merged_are_terminal_and_they_permit_nothing()
    {
        foreach (var status in OwnStatuses)
        {
            var terminal = status is RequestStatus.Closed or RequestStatus.Rejected or RequestStatus.Merged;
            Assert.Equal(terminal, RequestLifecycle.IsTerminal(status));
            Assert.Equal(terminal, RequestLifecycle.PermittedTriggers(status).Count == 0);
        }
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(11, 0)]
    [InlineData(1, 15)]
    [InlineData(1, -1)]
    [InlineData(int.MaxValue, 0)]
    [InlineData(357913942, 4)]
    [InlineData(286331154, 1)] // 286331154 × 15 triggers overflows to 14 in 32 bits; + 1 lands on Received × Accept
    [InlineData(357913943, 6)]
    public void A_status_or_trigger_no_version_defines_permits_nothing(int status, int trigger)
    {
        Assert.False(RequestLifecycle.TryGetNext((RequestStatus)status, (RequestTrigger)trigger, out var next));
        Assert.Equal((RequestStatus)status, next);
        Assert.False(RequestLifecycle.CanFire((RequestStatus)status, (RequestTrigger)trigger));
    }
}
