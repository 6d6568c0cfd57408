using Governance.Core.Requests;
using static Governance.Core.Tests.Requests.RequestCast;

namespace Governance.Core.Tests.Requests;

/// <summary>Bad event logs and bad event JSON are refused with <see cref="DataValidationException"/>, naming where.</summary>
public sealed class RequestLogErrorExamples
{
    private static IReadOnlyList<RequestEvent> ClosedLog => Closed().History;

    [Fact]
    public void Replaying_an_empty_log_names_the_whole_log()
    {
        var refused = Assert.Throws<DataValidationException>(() => Request.Replay([], Policy));

        Assert.Equal("$", Assert.Single(refused.Errors).Path);
    }

    [Fact]
    public void Replaying_a_log_that_does_not_start_with_received_names_the_first_event()
    {
        var refused = Assert.Throws<DataValidationException>(() => Request.Replay(ClosedLog.Skip(1), Policy));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("$[0]", error.Path);
        Assert.Equal(Id.Value, error.Id);
        Assert.Contains("starts with 'received'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_a_log_that_mixes_two_requests_names_the_first_foreign_event()
    {
        var log = ClosedLog.ToArray();
        log[2] = (RequestResolved)log[2] with { RequestId = new RequestId("bj-2023-0301-002") };

        var refused = Assert.Throws<DataValidationException>(() => Request.Replay(log, Policy));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("$[2]", error.Path);
        Assert.Contains("bj-2023-0301-002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_an_event_the_lifecycle_refuses_names_it_with_the_status_and_the_trigger()
    {
        // Called back before it was resolved: accepted → called back.
        var log = ClosedLog.Where(e => e is not RequestResolved).ToArray();

        var refused = Assert.Throws<DataValidationException>(() => Request.Replay(log, Policy));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("$[2]", error.Path);
        Assert.Contains("Accepted", error.Message, StringComparison.Ordinal);
        Assert.Contains("CallBack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_a_second_received_event_or_a_null_or_an_event_back_in_time_names_it()
    {
        var log = ClosedLog.ToArray();
        Assert.Equal("$[3]", PathOf([.. log.Take(3), log[0]]));
        Assert.Equal("$[1]", PathOf([log[0], null!]));
        Assert.Equal("$[2]", PathOf([log[0], log[1], log[2] with { At = log[0].At - NodaTime.Duration.FromMinutes(1) }]));

        static string PathOf(RequestEvent[] events) =>
            Assert.Single(Assert.Throws<DataValidationException>(() => Request.Replay(events, Policy)).Errors).Path;
    }

    private const string Accepted = """{"type":"accepted","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"PropertyCompany","id":"pc-beiyuan"}}""";

    [Fact]
    public void The_example_document_used_below_is_itself_a_valid_event() =>
        Assert.Equal(new RequestAccepted(new RequestId("r-1"), NodaTime.Instant.FromUtc(2023, 3, 1, 2, 5), Company), RequestEventJson.Deserialize(Accepted));

    [Theory]
    [InlineData("""{"type":"accepted","requestId":"r-1",""", "$")]
    [InlineData("""not json""", "$")]
    [InlineData("""[]""", "$")]
    [InlineData("""null""", "$")]
    [InlineData("""{"type":"handedOver","requestId":"r-1","at":"2023-03-01T02:05:00Z"}""", "$")]
    [InlineData("""{"type":"accepted","requestId":"r-1","at":"2023-03-01T02:05:00Z"}""", "$")]
    [InlineData("""{"type":"accepted","requestId":"r-1","at":"yesterday","by":{"kind":"Unit","id":"u"}}""", "$.at")]
    [InlineData("""{"type":"accepted","requestId":"","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"}}""", "$.requestId")]
    [InlineData("""{"type":"accepted","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"},"extra":1}""", "$")]
    [InlineData("""{"type":"resolved","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"},"summary":null}""", "$.summary")]
    [InlineData("""{"type":"forwarded","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"},"to":{"kind":"Unit","id":"v"},"reason":null}""", "$.reason")]
    [InlineData("""{"type":"calledBack","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"},"satisfaction":"Delighted","comment":""}""", "$.satisfaction")]
    [InlineData("""{"type":"calledBack","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"},"satisfaction":42,"comment":""}""", "$.satisfaction")]
    [InlineData("""{"type":"calledBack","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":"Unit","id":"u"},"satisfaction":"42","comment":""}""", "$.satisfaction")]
    [InlineData("""{"type":"accepted","requestId":"r-1","at":"2023-03-01T02:05:00Z","by":{"kind":7,"id":"u"}}""", "$.by.kind")]
    public void A_bad_event_document_is_refused_with_a_DataValidationException_naming_where(string json, string pathStart)
    {
        var thrown = Record.Exception(() => RequestEventJson.Deserialize(json));

        var refused = Assert.IsType<DataValidationException>(thrown);
        var error = Assert.Single(refused.Errors);
        Assert.StartsWith(pathStart, error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"张三","phone":"call me"}""")]
    [InlineData("""{"name":"张三","phone":"12"}""")]
    [InlineData("""{"name":" ","phone":"13812341234"}""")]
    [InlineData("""{"name":"张三","phone":13812341234}""")]
    public void A_received_event_with_a_bad_name_or_phone_is_refused_at_the_contact(string contact)
    {
        var good = RequestEventJson.Serialize(Received().History[0]);
        var start = good.IndexOf("\"contact\":", StringComparison.Ordinal) + "\"contact\":".Length;
        var end = good.IndexOf('}', start) + 1;
        var bad = good[..start] + contact + good[end..];

        var thrown = Record.Exception(() => RequestEventJson.Deserialize(bad));

        var refused = Assert.IsType<DataValidationException>(thrown);
        Assert.StartsWith("$.contact.", Assert.Single(refused.Errors).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_received_event_writes_names_and_phones_raw_with_unicode_unescaped_and_reads_them_back()
    {
        var received = Received().History[0];

        var json = RequestEventJson.Serialize(received);

        Assert.Contains("\"张三\"", json, StringComparison.Ordinal);
        Assert.Contains("\"13812341234\"", json, StringComparison.Ordinal);
        Assert.Equal(received, RequestEventJson.Deserialize(json));
    }
}
