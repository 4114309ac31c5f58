using System.IO.Compression;
using SubscriptionPortal.Platforms.Export;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class SyncWriteBufferingStreamTests
{
    [Fact]
    public async Task AZipWrittenThroughIt_ReachesAnAsyncOnlyStreamWholeAndInOrder()
    {
        var target = new AsyncOnlyStream();
        var contents = new Dictionary<string, byte[]> { ["a.bin"] = Noise(1, 300_000), ["b.bin"] = Noise(2, 300_000) };
        await using (var buffered = new SyncWriteBufferingStream(target))
        {
            await using (var zip = await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null))
            {
                foreach (var (name, bytes) in contents)
                {
                    await using var entry = await zip.CreateEntry(name).OpenAsync();
                    await entry.WriteAsync(bytes);
                }
            }

            await buffered.FlushAsync();
            // Only what the zip writes when an entry closes (the last compressed block, the data descriptor)
            // was ever held back: a small fraction of an entry, never its contents.
            Assert.InRange(buffered.MaxPendingBytes, 1, 32 * 1024);
        }

        using var read = new ZipArchive(new MemoryStream(target.Written.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(["a.bin", "b.bin"], read.Entries.Select(e => e.FullName));
        foreach (var (name, bytes) in contents)
        {
            using var copy = new MemoryStream();
            await read.GetEntry(name)!.Open().CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
    }

    private static byte[] Noise(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
