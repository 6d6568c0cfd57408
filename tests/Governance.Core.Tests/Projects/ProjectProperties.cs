using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Projects;

namespace Governance.Core.Tests.Projects;

/// <summary>The invariants of a micro-project, checked after every command of a random script, as for requests and ledger items.</summary>
public sealed class ProjectProperties
{
    [Property(MaxTest = 400)]
    public Property The_status_changes_only_by_permitted_transitions_refusals_change_nothing_and_funding_adds_up() =>
        Prop.ForAll(ProjectScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var project = scenario.Start();
            var executed = 0;
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var before = ProjectSnapshot.Of(project);
                var status = project.Status;
                try
                {
                    var e = project.Execute(command);
                    executed++;
                    Expect(failures, i, MicroProjectLifecycle.TryGetNext(status, command.Trigger, out var next) && project.Status == next,
                        $"{command.Trigger} took {status} to {project.Status}, which the lifecycle does not permit");
                    Expect(failures, i, ReferenceEquals(project.History[^1], e) && e.Trigger == command.Trigger && e.At == command.At && e.By == command.By, $"{e} is not the event of {command}");
                }
                catch (MicroProjectCommandException refused)
                {
                    var after = ProjectSnapshot.Of(project);
                    Expect(failures, i, before == after, $"refused {command.Trigger} yet changed\n  {before}\n→ {after}");
                    Expect(failures, i, refused.ProjectId == project.Id && refused.Status == status && refused.Trigger == command.Trigger
                        && refused.Message.Contains(status.ToString(), StringComparison.Ordinal) && refused.Message.Contains(command.Trigger.ToString(), StringComparison.Ordinal),
                        $"the refusal '{refused.Message}' does not name the project, {status} and {command.Trigger}");
                }

                Expect(failures, i, project.History.Count == executed + 1, $"{project.History.Count} events after {executed} executed commands");
                Expect(failures, i, project.Status is MicroProjectStatus.Proposed or MicroProjectStatus.Approved or MicroProjectStatus.Rejected or MicroProjectStatus.Withdrawn && project.FundedAt is null
                    || project.Funding.Sum(f => f.Amount) == project.Cost, $"{project.Status} with funding {string.Join(", ", project.Funding)} for a cost of {project.Cost}");
                Expect(failures, i, project.Status != MicroProjectStatus.InProgress || project.FundedAt is not null, "in progress without funding");
                Expect(failures, i, !project.IsImplemented || (project.CompletedAt is not null && project.Outcome is not null && project.StartedAt is not null), "implemented without a start, a completion or an outcome");
                Expect(failures, i, project.Status != MicroProjectStatus.Evaluated || project.Rating is not null, "evaluated without a rating");
                Expect(failures, i, project.LedgerItems.Distinct().Count() == project.LedgerItems.Count && project.Hotspots.Distinct().Count() == project.Hotspots.Count, "a link is listed twice");
                Expect(failures, i, project.History.Zip(project.History.Skip(1)).All(p => p.First.At <= p.Second.At), "the history goes back in time");
            }

            return Verdict(failures)
                .Classify(project.Status == MicroProjectStatus.Evaluated, "evaluated")
                .Classify(project.Status == MicroProjectStatus.Completed, "completed")
                .Classify(project.Status is MicroProjectStatus.Rejected or MicroProjectStatus.Withdrawn, "rejected or withdrawn")
                .Classify(executed < scenario.Commands.Count, "some command refused");
        });

    [Property(MaxTest = 300)]
    public Property Replaying_the_history_or_its_JSON_rebuilds_the_same_project_after_every_command() =>
        Prop.ForAll(ProjectScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var project = scenario.Start();
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)).Prepend((null!, -1)))
            {
                if (command is not null)
                {
                    TryExecute(project, command);
                }

                var live = ProjectSnapshot.Of(project);
                var replayed = ProjectSnapshot.Of(MicroProject.Replay(project.History, project.Zone));
                Expect(failures, i, live == replayed, $"replay differs:\n  {live}\n  {replayed}");
            }

            var read = project.History.Select(e => MicroProjectEventJson.Deserialize(MicroProjectEventJson.Serialize(e))).ToList();
            foreach (var (e, back) in project.History.Zip(read))
            {
                Expect(failures, -1, e.Equals(back), $"{MicroProjectEventJson.Serialize(e)} reads back as {back}, not {e}");
            }

            Expect(failures, -1, ProjectSnapshot.Of(MicroProject.Replay(read, project.Zone)) == ProjectSnapshot.Of(project), "the replay of the JSON differs");
            return Verdict(failures).Classify(project.History.Count > 5, "more than 5 events");
        });

    [Property(MaxTest = 200)]
    public Property Decide_changes_nothing_and_applying_its_event_is_executing_the_command() =>
        Prop.ForAll(ProjectScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var executed = scenario.Start();
            var applied = scenario.Start();
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var before = ProjectSnapshot.Of(applied);
                MicroProjectEvent? decided = null;
                try
                {
                    decided = applied.Decide(command);
                }
                catch (MicroProjectCommandException)
                {
                }

                Expect(failures, i, before == ProjectSnapshot.Of(applied), "Decide changed the project");
                var refused = TryExecute(executed, command);
                Expect(failures, i, (decided is null) == (refused is not null), $"Decide and Execute disagree on {command}");
                if (decided is not null)
                {
                    applied.Apply(decided);
                }
            }

            Expect(failures, -1, ProjectSnapshot.Of(executed) == ProjectSnapshot.Of(applied), "Execute and Apply(Decide) end differently");
            return Verdict(failures);
        });

    [Fact]
    public void The_scenarios_reach_every_status_in_a_fair_share_of_runs()
    {
        var projects = ProjectScenarios.Arbitrary.Generator.Sample(1000).Select(Live).ToArray();

        foreach (var status in Enum.GetValues<MicroProjectStatus>().Where(s => s != MicroProjectStatus.Active))
        {
            var share = projects.Count(p => Enumerable.Range(1, p.History.Count).Any(n => MicroProject.Replay(p.History.Take(n), p.Zone).Status == status));
            Assert.True(share >= 30, $"only {share} of 1000 scenarios pass through {status}");
        }
    }

    private static MicroProject Live(ProjectScenario scenario)
    {
        var project = scenario.Start();
        foreach (var command in scenario.Commands)
        {
            TryExecute(project, command);
        }

        return project;
    }

    private static MicroProjectCommandException? TryExecute(MicroProject project, MicroProjectCommand command)
    {
        try
        {
            project.Execute(command);
            return null;
        }
        catch (MicroProjectCommandException refused)
        {
            return refused;
        }
    }

    private static void Expect(List<string> failures, int i, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add($"[{i}] {message}");
        }
    }

    private static Property Verdict(List<string> failures) => (failures.Count == 0).Label(string.Join("\n", failures));
}
