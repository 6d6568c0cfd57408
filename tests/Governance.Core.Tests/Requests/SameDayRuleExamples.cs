using Governance.Core.Requests;
using NodaTime;
using static Governance.Core.Tests.Requests.RequestCast;

namespace Governance.Core.Tests.Requests;

/// <summary>当天解决或说明原因: a missed same-day deadline is recorded only for a resident left without an answer.</summary>
public sealed class SameDayRuleExamples
{
    [Fact]
    public void A_request_explained_before_midnight_cannot_be_recorded_as_missing_the_same_day_deadline()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 5)));
        request.Execute(new ExplainRequest(Company, At(1, 16), "需区住建委施工", new LocalDate(2023, 3, 8)));

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new RecordDeadlinePassed(At(2, 0), DeadlineKind.SameDay)));

        Assert.Contains("nothing was missed", refused.Problem, StringComparison.Ordinal);
        Assert.False(request.HasPassed(DeadlineKind.SameDay));
    }

    [Fact]
    public void A_request_left_unanswered_at_midnight_gets_a_missed_deadline_event()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 5)));

        var missed = request.Execute(new RecordDeadlinePassed(At(2, 0), DeadlineKind.SameDay));

        Assert.Equal(new RequestDeadlinePassed(Id, At(2, 0), DeadlineKind.SameDay), missed);
        Assert.True(request.HasPassed(DeadlineKind.SameDay));
    }

    [Fact]
    public void No_deadline_passes_while_the_request_waits_on_the_resident()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 5)));
        request.Execute(new AwaitResident(Company, At(1, 16), PauseReason.ResidentUnreachable, "三次未接通"));

        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new RecordDeadlinePassed(At(20, 0), kind)));
            Assert.Contains("paused", refused.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_reopened_request_needs_a_new_answer_by_its_new_same_day_deadline()
    {
        var request = Received();
        request.Execute(new ResolveRequest(Company, At(1, 11), "已修复"));
        request.Execute(new ReopenRequest(Community, At(3, 9), "又塌了"));

        Assert.Null(request.AnsweredAt);
        Assert.Equal(At(4, 0), request.Deadlines.SameDay);
        Assert.False(request.WasAnsweredBefore(request.Deadlines.SameDay));
        request.Execute(new RecordDeadlinePassed(At(4, 0), DeadlineKind.SameDay));
        Assert.True(request.HasPassed(DeadlineKind.SameDay));
    }

    [Fact]
    public void A_second_received_event_is_refused_as_an_argument_and_replay_names_its_position()
    {
        var request = Received();

        Assert.Throws<ArgumentException>(() => request.Apply(request.History[0]));
        var error = Assert.Single(Assert.Throws<DataValidationException>(() => Request.Replay([request.History[0], request.History[0]], Policy)).Errors);
        Assert.Equal("$[1]", error.Path);
    }

    [Fact]
    public void Replay_refuses_a_log_whose_events_name_no_agency_or_an_undefined_value()
    {
        var request = Received();
        var received = request.History[0];

        foreach (var bad in new RequestEvent[]
        {
            new RequestAccepted(Id, At(1, 11), default),
            new RequestForwarded(Id, At(1, 11), Company, Office, "  "),
            new RequestRejected(Id, At(1, 11), Company, (RejectionReason)7, "说明"),
            new RequestMerged(Id, At(1, 11), Company, Id),
        })
        {
            var error = Assert.Single(Assert.Throws<DataValidationException>(() => Request.Replay([received, bad], Policy)).Errors);
            Assert.Equal("$[1]", error.Path);
            Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        }

        var noOwner = (RequestReceived)received with { Owner = default };
        Assert.Equal("$[0]", Assert.Single(Assert.Throws<DataValidationException>(() => Request.Replay([noOwner], Policy)).Errors).Path);
    }

    [Fact]
    public void A_combined_enum_name_read_from_JSON_is_refused_when_replayed()
    {
        var request = Closed();
        var json = RequestEventJson.Serialize(request.History[^1]).Replace("\"Satisfied\"", "\"PartlySatisfied, Dissatisfied\"", StringComparison.Ordinal);

        var log = request.History.Take(request.History.Count - 1).Append(ReadOrNull(json)).OfType<RequestEvent>().ToArray();

        // Either the reader refuses it or replay does; it never becomes a request with an undefined satisfaction.
        if (log.Length == request.History.Count)
        {
            Assert.Throws<DataValidationException>(() => Request.Replay(log, Policy));
        }
    }

    [Fact]
    public void A_merge_into_a_blank_id_is_refused()
    {
        var request = Received();

        Assert.Throws<RequestCommandException>(() => request.Execute(new MergeRequest(Company, At(1, 11), new RequestId("   "))));
    }

    private static RequestEvent? ReadOrNull(string json)
    {
        try
        {
            return RequestEventJson.Deserialize(json);
        }
        catch (DataValidationException)
        {
            return null;
        }
    }
}
