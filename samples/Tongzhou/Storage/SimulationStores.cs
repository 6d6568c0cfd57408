using Governance.Samples.Tongzhou.Simulation;

namespace Governance.Samples.Tongzhou.Storage;

/// <summary>Opens the store the command line asks for, refusing anything that would lose data.</summary>
internal static class SimulationStores
{
    /// <exception cref="SimulationException">The store cannot be used as asked; nothing was changed.</exception>
    public static ISimulationStore Open(string kind, string dbPath, bool resume, bool overwrite)
    {
        if (kind == "memory")
        {
            if (resume)
            {
                throw new SimulationException("--resume needs a durable store: a memory run ends with its process. Use --store sqlite.");
            }

            return new MemorySimulationStore();
        }

        if (resume && overwrite)
        {
            throw new SimulationException("--resume and --overwrite contradict each other: one goes on with the run in --db, the other deletes it.");
        }

        var full = Path.GetFullPath(dbPath);
        if (resume && !File.Exists(full))
        {
            throw new SimulationException($"--resume: no database '{full}' to go on with. Run without --resume to start one.");
        }

        if (!resume && File.Exists(full))
        {
            if (!overwrite)
            {
                throw new SimulationException($"'{full}' already exists. Go on with it (--resume), start afresh (--overwrite deletes it), or choose another file (--db).");
            }

            foreach (var file in new[] { full, full + "-wal", full + "-shm", full + "-journal" })
            {
                File.Delete(file);
            }
        }

        return SqliteSimulationStore.Open(full);
    }
}
