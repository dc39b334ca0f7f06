using Conversations.Grains.Inbox;

namespace Conversations.Tests.Inbox;

/// <summary>INB-4: ANDing terms of ORed bitmaps, word by word for a sparse driver and whole vectors for dense terms, gives the same candidates.</summary>
[Trait("Spec", "INB-4")]
public sealed class BitmapFusionTests
{
    private const int Slots = 5000;

    private static Bitmap Bits(Random random, double density)
    {
        var bitmap = new Bitmap();
        for (var slot = 0; slot < Slots; slot++)
        {
            if (random.NextDouble() < density)
            {
                bitmap.Set(slot, on: true, cell: 0);
            }
        }

        return bitmap;
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.5)]
    public void INB4_fused_candidates_are_exactly_the_slots_in_every_term(double driverDensity)
    {
        var random = new Random(7);
        List<Bitmap[]> terms = [[Bits(random, 0.6)], [Bits(random, driverDensity), Bits(random, driverDensity)], [Bits(random, 0.3), Bits(random, 0.4)]];
        var level = Bits(random, 0.5);
        using var buffers = new FusionBuffers(Slots);
        var candidates = buffers.Fuse(terms);

        var expected = Enumerable.Range(0, Slots).Where(slot => BitmapFusion.InAll(terms, slot)).ToList();
        Assert.Equal(expected, Enumerable.Range(0, Slots).Where(candidates.Contains));
        Assert.Equal(expected.Count, candidates.Count());
        Assert.Equal(expected.Count(level.Contains), candidates.Count(level));
        var touched = candidates.Touched.ToArray();
        Assert.Equal(expected.Select(slot => slot >> 6).Distinct(), touched.Order());
    }

    [Fact]
    public void INB4_a_slot_in_one_bitmap_of_each_term_is_in_all_terms()
    {
        var (a, b, c) = (new Bitmap(), new Bitmap(), new Bitmap());
        a.Set(70, on: true, cell: 0);
        c.Set(70, on: true, cell: 0);
        Assert.True(BitmapFusion.InAll([[a, b], [c]], 70));
        Assert.False(BitmapFusion.InAll([[a, b], [b]], 70));
        Assert.True(BitmapFusion.InAll([], 70));
    }
}
