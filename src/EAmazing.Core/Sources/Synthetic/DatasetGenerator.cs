using System.Diagnostics;
using System.IO.Compression;
using EAmazing.Foundation.Files;
using EAmazing.Sources.Synthetic.Output;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Synthetic.World;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic;

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
        var simulator = new HourSimulator(world);
        var hours = window.DayCount * 24;
        var simulations = new Task<HourSimulation>?[hours];
        var formatted = new Task<FormattedHour>?[hours];
        var scheduled = 0;

        void ScheduleUpTo(int limit)
        {
            while (scheduled < Math.Min(hours, limit))
            {
                var h = scheduled++;
                simulations[h] = Task.Run(() => simulator.Simulate(h), cancellationToken);
                // An hour's lines need the sessions that started in it and in the hours just before it.
                var sources = Enumerable.Range(Math.Max(0, h - HourSimulator.LookbackHours + 1), Math.Min(h + 1, HourSimulator.LookbackHours))
                    .Select(s => simulations[s]!)
                    .ToArray();
                formatted[h] = Task.Run(async () => FormatHour(world, h, await Task.WhenAll(sources)), cancellationToken);
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
            for (var h = 0; h < hours; h++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScheduleUpTo(h + options.Lookahead);
                var hour = formatted[h]!.GetAwaiter().GetResult();
                var day = h / 24;
                var month = world.Calendar.MonthIndexOf(day);
                if (month != currentMonth)
                {
                    CloseFile();
                    currentMonth = month;
                    var date = world.Calendar.DateOf(day);
                    file = new AtomicFile(Path.Combine(options.OutputDirectory, Rees46Format.MonthFileName(date.Year, date.Month, options.Gzip)));
                    gzip = options.Gzip ? new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true) : null;
                    (gzip ?? (Stream)file.Stream).Write(EventLineFormatter.HeaderLine);
                    fileEvents = 0;
                }

                var sink = gzip ?? (Stream)file!.Stream;
                foreach (var (chunk, length) in hour.Chunks)
                {
                    sink.Write(chunk, 0, length);
                    totalBytes += length;
                    System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
                }

                fileEvents += hour.Events;
                views += hour.Views;
                carts += hour.Carts;
                purchases += hour.Purchases;
                var simulation = simulations[h]!.Result;
                sessions += simulation.SessionCount;
                cartSessions += simulation.CartSessions.Count;
                truth.WriteHour(simulation);
                formatted[h] = null;
                if (h - HourSimulator.LookbackHours + 1 >= 0)
                {
                    // No later hour reads this one any more.
                    simulations[h - HourSimulator.LookbackHours + 1] = null;
                }

                if (h % 24 == 23)
                {
                    progress?.Report(new GenerationProgress(day + 1, window.DayCount, views + carts + purchases, totalBytes));
                }
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

    /// <summary>Merges the events falling in one hour from the sessions of that hour and the hours before it, and formats them.</summary>
    private static FormattedHour FormatHour(SyntheticWorld world, int hour, HourSimulation[] sources)
    {
        var from = (long)hour * HourSimulator.SecondsPerHour;
        var to = from + HourSimulator.SecondsPerHour;
        var formatter = new EventLineFormatter(world.Catalog, world.Window.Start);
        var chunks = new List<(byte[], int)>();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var used = 0;
        long viewCount = 0, cartCount = 0, purchaseCount = 0;
        var arrays = sources.Select(s => s.Events).ToArray();
        var positions = sources.Select(s => s.IndexOf(from)).ToArray();
        var ends = sources.Select(s => s.IndexOf(to)).ToArray();
        while (true)
        {
            // k-way merge; on equal times the session that started earlier (earlier source) goes first.
            var best = -1;
            var bestSecond = long.MaxValue;
            for (var s = 0; s < arrays.Length; s++)
            {
                if (positions[s] < ends[s] && arrays[s][positions[s]].Second < bestSecond)
                {
                    best = s;
                    bestSecond = arrays[s][positions[s]].Second;
                }
            }

            if (best < 0)
            {
                break;
            }

            var e = arrays[best][positions[best]++];
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
        return new FormattedHour(chunks, viewCount + cartCount + purchaseCount, viewCount, cartCount, purchaseCount);
    }

    private sealed record FormattedHour(List<(byte[] Chunk, int Length)> Chunks, long Events, long Views, long Carts, long Purchases);
}
