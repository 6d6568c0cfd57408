using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Requests;

namespace Governance.Core.Tests.Requests;

/// <summary>An event log written as JSON and read back is the same log: equal events, and the same request when replayed.</summary>
public sealed class RequestEventJsonProperties
{
    [Property(MaxTest = 300)]
    public Property Every_event_of_a_random_life_reads_back_as_an_equal_record_and_replays_to_the_same_request() =>
        Prop.ForAll(RequestScenarios.Arbitrary, scenario =>
        {
            var request = Live(scenario);
            var failures = new List<string>();
            var read = new List<RequestEvent>();
            foreach (var (e, i) in request.History.Select((e, i) => (e, i)))
            {
                var json = RequestEventJson.Serialize(e);
                var back = RequestEventJson.Deserialize(json);
                read.Add(back);
                if (!e.Equals(back))
                {
                    failures.Add($"$[{i}] {json} reads back as {back}, not {e}");
                }

                if (RequestEventJson.Serialize(back) != json)
                {
                    failures.Add($"$[{i}] {json} is written differently after reading: {RequestEventJson.Serialize(back)}");
                }

                if (!RequestEventJson.SerializeToUtf8Bytes(e).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(json)))
                {
                    failures.Add($"$[{i}] the UTF-8 and string writers disagree");
                }
            }

            var replayed = Request.Replay(read, RequestScenario.Policy);
            failures.AddRange(RequestSnapshot.Of(request).Differences(RequestSnapshot.Of(replayed)).Select(d => $"replay of the JSON differs: {d}"));
            var contact = scenario.Submission.Contact;
            return (failures.Count == 0).Label(string.Join(Environment.NewLine, failures.Take(10)))
                .Classify(contact.Name is not null, "with a name")
                .Classify(contact.Phone is not null, "with a phone")
                .Classify(request.History.Count > 5, "more than 5 events");
        });

    /// <summary>Cuts, overwrites or drops part of a written event: reading either succeeds or fails with a JSON path, never otherwise.</summary>
    [Property(MaxTest = 300)]
    public Property A_damaged_event_is_refused_only_with_a_DataValidationException_naming_a_path() =>
        Prop.ForAll(
            (from scenario in RequestScenarios.Arbitrary.Generator
             from pick in Gen.Choose(0, 1000)
             from position in Gen.Choose(0, 10_000)
             from damage in Gen.Choose(0, 3)
             from replacement in Gen.Elements('"', '{', '}', '[', ']', ',', ':', '0', 'n', '\\', ' ', '-', 'é', '\u0000')
             select (scenario, pick, position, damage, replacement)).ToArbitrary(),
            x =>
            {
                var history = Live(x.scenario).History;
                var json = RequestEventJson.Serialize(history[x.pick % history.Count]);
                var at = x.position % json.Length;
                var damaged = x.damage switch
                {
                    0 => json[..at],
                    1 => json[..at] + x.replacement + json[(at + 1)..],
                    2 => json[..at] + x.replacement + json[at..],
                    _ => json[..at] + json[Math.Min(json.Length, at + 8)..],
                };
                var thrown = Record.Exception(() => RequestEventJson.Deserialize(damaged));
                return (thrown is null or DataValidationException).Label($"{damaged} threw {thrown}")
                    .And((thrown is not DataValidationException v || (v.Errors.Count > 0 && v.Errors.All(e => e.Path.StartsWith('$')))).Label($"{damaged}: {thrown?.Message}"))
                    .Classify(thrown is null, "still a valid event");
            });

    private static Request Live(RequestScenario scenario)
    {
        var request = scenario.Receive();
        foreach (var command in scenario.Commands)
        {
            RequestProperties.TryExecute(request, command);
        }

        return request;
    }
}
