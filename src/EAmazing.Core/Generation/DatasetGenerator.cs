using System.Diagnostics;
using System.IO.Compression;
using EAmazing.Generation.Output;
using EAmazing.Generation.Simulation;
using EAmazing.Generation.Truth;
using EAmazing.Generation.World;
using EAmazing.Rees46;

namespace EAmazing.Generation;

/// <summary>
/// Writes a synthetic REES46 dataset: one file per month in the published format, plus the ground
/// truth. Days are simulated and formatted in parallel, a few days ahead of a single writer that
/// compresses them in order, so memory stays bounded by a few days whatever the scale, and the
/// output is byte-identical for the same seed and options.
/// </summary>
public sealed class DatasetGenerator(GeneratorOptions options)
{
    private const int ChunkBytes = 1 << 20;

    public GenerationSummary Run(IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var window = options.Window;
        var world = SyntheticWorld.Create(WorldSpec.For(options.Scale, window, options.Seed));
        Directory.CreateDirectory(options.OutputDirectory);
        var simulator = new DaySimulator(world);
        var days = window.DayCount;
        var simulations = new Task<DaySimulation>[days];
        var formatted = new Task<FormattedDay>[days];
        var scheduled = 0;

        void ScheduleUpTo(int limit)
        {
            while (scheduled < Math.Min(days, limit))
            {
                var d = scheduled++;
                simulations[d] = Task.Run(() => simulator.Simulate(d), cancellationToken);
                var previous = d > 0 ? simulations[d - 1] : null;
                formatted[d] = Task.Run(async () => FormatDay(world, await simulations[d], previous is null ? null : await previous), cancellationToken);
            }
        }

        var files = new List<GeneratedFile>();
        using var truth = new TruthWriter(world, options.OutputDirectory);
        AtomicFile? file = null;
        GZipStream? gzip = null;
        var currentMonth = -1;
        long fileEvents = 0, totalBytes = 0, views = 0, carts = 0, purchases = 0, sessions = 0, cartSessions = 0;

        void CloseFile()
        {
            if (file is null)
            {
                return;
            }

            gzip?.Dispose();
            var bytes = file.Stream.Length;
            file.Commit();
            files.Add(new GeneratedFile(file.FinalPath, fileEvents, bytes));
            file.Dispose();
            file = null;
            gzip = null;
        }

        try
        {
            for (var d = 0; d < days; d++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScheduleUpTo(d + options.Lookahead);
                var day = formatted[d].GetAwaiter().GetResult();
                var month = world.Calendar.MonthIndexOf(d);
                if (month != currentMonth)
                {
                    CloseFile();
                    currentMonth = month;
                    var date = world.Calendar.DateOf(d);
                    file = new AtomicFile(Path.Combine(options.OutputDirectory, Rees46Format.MonthFileName(date.Year, date.Month, options.Gzip)));
                    gzip = options.Gzip ? new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true) : null;
                    (gzip ?? (Stream)file.Stream).Write(EventLineFormatter.HeaderLine);
                    fileEvents = 0;
                }

                var sink = gzip ?? (Stream)file!.Stream;
                foreach (var (chunk, length) in day.Chunks)
                {
                    sink.Write(chunk, 0, length);
                    totalBytes += length;
                    System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
                }

                fileEvents += day.Events;
                views += day.Views;
                carts += day.Carts;
                purchases += day.Purchases;
                var simulation = simulations[d].Result;
                sessions += simulation.SessionCount;
                cartSessions += simulation.CartSessions.Count;
                truth.WriteDay(simulation);
                if (d > 0)
                {
                    // The previous day's spill has been written; let it go.
                    simulations[d - 1] = Task.FromResult<DaySimulation>(null!);
                }

                formatted[d] = Task.FromResult<FormattedDay>(null!);
                progress?.Report(new GenerationProgress(d + 1, days, views + carts + purchases, totalBytes));
            }

            CloseFile();
            truth.Complete();
        }
        finally
        {
            gzip?.Dispose();
            file?.Dispose();
        }

        return new GenerationSummary(options.OutputDirectory, files, views, carts, purchases, sessions, cartSessions,
            world.Users.Count, world.Catalog.ProductCount, clock.Elapsed);
    }

    /// <summary>Merges the previous day's spill with the day's own events (both in time order) and formats them.</summary>
    private static FormattedDay FormatDay(SyntheticWorld world, DaySimulation day, DaySimulation? previous)
    {
        var formatter = new EventLineFormatter(world.Catalog, world.Window.Start);
        var spill = previous is null ? [] : previous.Spill;
        var own = day.InDay;
        var chunks = new List<(byte[], int)>();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var used = 0;
        long viewCount = 0, cartCount = 0, purchaseCount = 0;
        int i = 0, j = 0;
        while (i < spill.Length || j < day.InDayCount)
        {
            // Ties go to the earlier day's session, which started first.
            var takeSpill = i < spill.Length && (j >= day.InDayCount || spill[i].Second <= own[j].Second);
            var e = takeSpill ? spill[i++] : own[j++];
            if (used + EventLineFormatter.MaxLineBytes > ChunkBytes)
            {
                chunks.Add((chunk, used));
                chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes);
                used = 0;
            }

            used += formatter.Format(e, chunk.AsSpan(used));
            switch (e.Type)
            {
                case EventType.View: viewCount++; break;
                case EventType.Cart: cartCount++; break;
                default: purchaseCount++; break;
            }
        }

        chunks.Add((chunk, used));
        return new FormattedDay(chunks, viewCount + cartCount + purchaseCount, viewCount, cartCount, purchaseCount);
    }

    private sealed record FormattedDay(List<(byte[] Chunk, int Length)> Chunks, long Events, long Views, long Carts, long Purchases);
}
