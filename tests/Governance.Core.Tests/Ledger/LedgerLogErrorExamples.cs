using Governance.Core.Ledger;
using Governance.Core.Organization;
using NodaTime;
using static Governance.Core.Tests.Ledger.LedgerCast;

namespace Governance.Core.Tests.Ledger;

/// <summary>Bad ledger logs and bad event JSON are refused with <see cref="DataValidationException"/>, naming where.</summary>
public sealed class LedgerLogErrorExamples
{
    private static IReadOnlyList<LedgerEvent> CompletedLog()
    {
        var item = LedgerItem.Open(Opening("yjw-2023-001", Beijing(2023, 1, 16), new LocalDate(2023, 2, 10)));
        item.Execute(new NoteProgress(Village, Beijing(2023, 1, 30), "已排查线路"));
        item.Execute(new ReplyToResidents(Village, Beijing(2023, 2, 1), "2月8日前更换"));
        item.Execute(new CompleteLedgerItem(Village, Beijing(2023, 2, 8), "已更换"));
        return item.History;
    }

    [Fact]
    public void Replaying_an_empty_log_names_the_whole_log() =>
        Assert.Equal("$", Assert.Single(Assert.Throws<DataValidationException>(() => LedgerItem.Replay([])).Errors).Path);

    [Fact]
    public void Replaying_a_log_that_does_not_start_with_opened_or_proposed_names_the_first_event()
    {
        var error = Assert.Single(Assert.Throws<DataValidationException>(() => LedgerItem.Replay(CompletedLog().Skip(1))).Errors);

        Assert.Equal("$[0]", error.Path);
        Assert.Equal("yjw-2023-001", error.Id);
        Assert.Contains("starts with 'opened' or 'proposed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_an_outcome_without_a_reply_names_the_event_the_status_and_the_trigger()
    {
        var log = CompletedLog().Where(e => e is not LedgerItemReplied).ToArray();

        var error = Assert.Single(Assert.Throws<DataValidationException>(() => LedgerItem.Replay(log)).Errors);

        Assert.Equal("$[2]", error.Path);
        Assert.Contains("(InProgress) refuses Complete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_a_log_that_mixes_two_items_or_goes_back_in_time_names_the_event()
    {
        var mixed = CompletedLog().ToArray();
        mixed[3] = (LedgerItemCompleted)mixed[3] with { ItemId = new LedgerItemId("yjw-2023-009") };
        var backwards = CompletedLog().ToArray();
        backwards[2] = (LedgerItemReplied)backwards[2] with { At = Beijing(2023, 1, 1) };

        Assert.Equal("$[3]", Assert.Single(Assert.Throws<DataValidationException>(() => LedgerItem.Replay(mixed)).Errors).Path);
        var error = Assert.Single(Assert.Throws<DataValidationException>(() => LedgerItem.Replay(backwards)).Errors);
        Assert.Equal("$[2]", error.Path);
        Assert.Contains("before the item's last event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_a_ledger_names_the_position_in_the_whole_stream_and_refuses_staff_not_in_the_chart()
    {
        var log = CompletedLog().ToArray();
        var stranger = log.Append(new ResponsibleAssigned(new LedgerItemId("other"), Beijing(2023, 3, 1), Township, Yan, "x"));
        var badOpening = new[] { ((LedgerItemOpened)log[0]) with { Responsible = new StaffId("nobody") } };

        Assert.Equal("$[4]", Assert.Single(Assert.Throws<DataValidationException>(() => Core.Ledger.Ledger.Replay(SampleChart, stranger)).Errors).Path);
        var error = Assert.Single(Assert.Throws<DataValidationException>(() => Core.Ledger.Ledger.Replay(SampleChart, badOpening)).Errors);
        Assert.Equal("$[0]", error.Path);
        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_is_written_camelCase_with_a_type_discriminator_first_and_dates_as_ISO()
    {
        var json = LedgerEventJson.Serialize(new DeadlineMoved(new LedgerItemId("yjw-2023-002"), Beijing(2023, 2, 16), Township, new LocalDate(2023, 3, 1), "春节后恢复"));

        Assert.Equal(
            """{"type":"deadlineMoved","itemId":"yjw-2023-002","at":"2023-02-16T02:00:00Z","by":{"kind":"Unit","id":"yujiawu"},"deadline":"2023-03-01","reason":"春节后恢复"}""",
            json);
    }

    [Theory]
    [InlineData("""{"type":"replied","itemId":"a","at":"2023-02-16T02:00:00Z","by":{"kind":"Unit","id":"yujiawu"}}""", "$", "reply")]
    [InlineData("""{"type":"bogus","itemId":"a","at":"2023-02-16T02:00:00Z"}""", "$", "'bogus'")]
    [InlineData("""{"type":"replied","itemId":"a","at":"2023-02-16T02:00:00Z","by":{"kind":"Unit","id":"yujiawu"},"reply":"x","extra":1}""", "$.extra", null)]
    [InlineData("""{"type":"opened","itemId":"a","at":"2023-02-16T02:00:00Z","by":{"kind":"Unit","id":"y"},"class":3,"category":"c","location":{"unit":"u"},"title":"t","description":"d","origin":"Collected","basis":"","measure":"m","responsible":"s","deadline":"2023-03-01"}""", "$.class", null)]
    [InlineData("""{"type":"deadlineMoved","itemId":"a","at":"2023-02-16T02:00:00Z","by":{"kind":"Unit","id":"y"},"deadline":"2023-02-30","reason":"r"}""", "$.deadline", null)]
    public void Bad_JSON_is_refused_with_the_path_where_it_went_wrong(string json, string path, string? mentions)
    {
        var error = Assert.Single(Assert.Throws<DataValidationException>(() => LedgerEventJson.Deserialize(json)).Errors);

        Assert.True(error.Path.StartsWith(path, StringComparison.Ordinal), error.ToString());
        if (mentions is not null)
        {
            Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        }
    }
}
