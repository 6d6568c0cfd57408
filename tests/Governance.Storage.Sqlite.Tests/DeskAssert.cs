using Governance.Core.Desk;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>Two desks hold the same open requests in the same state, and the same counts.</summary>
internal static class DeskAssert
{
    public static void Same(RequestDesk expected, RequestDesk actual)
    {
        Assert.Equal(expected.ReceivedCount, actual.ReceivedCount);
        Assert.Equal(expected.ClosedCount, actual.ClosedCount);
        Assert.Equal(expected.OpenCount, actual.OpenCount);
        var want = expected.Query(new DeskQuery());
        var got = actual.Query(new DeskQuery());
        Assert.Equal(want.Count, got.Count);
        for (var i = 0; i < want.Count; i++)
        {
            // DeskRequest is a record, but its list of pending reports compares by reference.
            Assert.Equal(want[i] with { PendingReports = [] }, got[i] with { PendingReports = [] });
            Assert.Equal(want[i].PendingReports, got[i].PendingReports);
        }
    }
}
