using DanceAspire.Choreography.Search;

namespace DanceAspire.Choreography.Tests;

public class MoveIndexTests
{
    private const int Dimension = 16;
    private static readonly string[] StyleNames = ["hiphop", "salsa", "ballet", "house"];

    [Fact]
    public void Search_returns_the_same_neighbours_as_a_brute_force_cosine_ranking()
    {
        var random = new Random(7);
        var moves = RandomMoves(random, 2_000);
        using var index = new MoveIndex(Dimension);
        index.UpsertRange(moves);

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random);
            var expected = moves.Select(m => (m.Id, Similarity: Cosine(query, m.Embedding)))
                .OrderByDescending(x => x.Similarity).Take(10).ToList();

            var actual = index.Search(query, 10);

            Assert.Equal(expected.Select(x => x.Id), actual.Select(x => x.Id));
            for (var i = 0; i < expected.Count; i++)
                Assert.Equal(expected[i].Similarity, actual[i].Similarity, 1e-5);
        }
    }

    [Fact]
    public void Search_with_a_filter_returns_the_brute_force_neighbours_among_the_moves_that_pass_it()
    {
        var random = new Random(11);
        var moves = RandomMoves(random, 3_000);
        using var index = new MoveIndex(Dimension);
        index.UpsertRange(moves);
        var excluded = moves.Take(300).Select(m => m.Id).ToHashSet();
        var filter = new MoveFilter
        {
            Styles = ["SALSA", "ballet"], MinDifficulty = 2, MaxDifficulty = 4, MinEnergy = 20, MaxEnergy = 70, ExcludeIds = excluded,
        };
        bool Passes(MoveRecord m) =>
            m.Styles.Any(s => s is "salsa" or "ballet") && m.Difficulty is >= 2 and <= 4 && m.Energy is >= 20 and <= 70 && !excluded.Contains(m.Id);

        var query = RandomVector(random);
        var expected = moves.Where(Passes).OrderByDescending(m => Cosine(query, m.Embedding)).Take(15).Select(m => m.Id);

        var actual = index.Search(query, 15, filter);

        Assert.Equal(expected, actual.Select(x => x.Id));
        Assert.All(actual, match => Assert.True(Passes(moves.Single(m => m.Id == match.Id))));
    }

    [Fact]
    public void An_owner_filter_finds_only_that_owners_moves_even_when_others_are_closer()
    {
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var query = RandomVector(new Random(3));
        using var index = new MoveIndex(Dimension);
        var bobsTwin = new MoveRecord(Guid.NewGuid(), query, [], 3, 50, bob);
        var alicesMove = new MoveRecord(Guid.NewGuid(), RandomVector(new Random(4)), [], 3, 50, alice);
        index.UpsertRange([bobsTwin, alicesMove]);

        var hits = index.Search(query, 5, new MoveFilter { OwnerId = alice });

        Assert.Equal([alicesMove.Id], hits.Select(h => h.Id));
        Assert.Equal(bobsTwin.Id, index.Search(query, 1)[0].Id);
    }

    [Fact]
    public void A_move_that_is_the_query_itself_is_found_first_with_similarity_one()
    {
        var random = new Random(3);
        var moves = RandomMoves(random, 500);
        using var index = new MoveIndex(Dimension);
        index.UpsertRange(moves);

        var scaled = moves[42].Embedding.Select(x => x * 3.5f).ToArray();
        var best = index.Search(scaled, 1).Single();

        Assert.Equal(moves[42].Id, best.Id);
        Assert.Equal(1f, best.Similarity, 1e-5f);
    }

    [Fact]
    public void Removed_moves_are_no_longer_found_and_the_others_still_are()
    {
        var random = new Random(5);
        var moves = RandomMoves(random, 200);
        using var index = new MoveIndex(Dimension);
        index.UpsertRange(moves);

        Assert.True(index.Remove(moves[0].Id));
        Assert.True(index.Remove(moves[100].Id));
        Assert.False(index.Remove(Guid.NewGuid()));

        Assert.Equal(198, index.Count);
        Assert.DoesNotContain(index.Search(moves[0].Embedding, 198), m => m.Id == moves[0].Id || m.Id == moves[100].Id);
        // The row that filled the hole keeps its own vector.
        var last = moves[^1];
        Assert.Equal(last.Id, index.Search(last.Embedding, 1).Single().Id);
        Assert.Equal(moves[50].Id, index.Search(moves[50].Embedding, 1).Single().Id);
    }

    [Fact]
    public void Upserting_an_existing_id_replaces_its_vector_and_tags_without_adding_a_row()
    {
        using var index = new MoveIndex(3);
        var id = Guid.NewGuid();
        index.Upsert(new MoveRecord(id, [1, 0, 0], ["salsa"], 1, 10));
        index.Upsert(new MoveRecord(Guid.NewGuid(), [0.9f, 0.1f, 0], ["salsa"], 1, 10));

        index.Upsert(new MoveRecord(id, [0, 0, 1], ["house"], 5, 90));

        Assert.Equal(2, index.Count);
        Assert.Equal(id, index.Search([0, 0, 1], 1).Single().Id);
        Assert.Empty(index.Search([0, 0, 1], 5, new MoveFilter { Styles = ["salsa"], MinEnergy = 50 }));
        Assert.Equal(id, index.Search([1, 0, 0], 5, new MoveFilter { Styles = ["house"] }).Single().Id);
    }

    [Fact]
    public void Style_filters_work_for_every_tag_even_beyond_the_first_sixty_four_styles_seen()
    {
        using var index = new MoveIndex(2);
        var ids = Enumerable.Range(0, 70).Select(_ => Guid.NewGuid()).ToArray();
        index.UpsertRange(ids.Select((id, i) => new MoveRecord(id, [1, i], [$"style{i}", "all"], 1, 0)));

        Assert.Equal(ids[68], index.Search([1, 0], 5, new MoveFilter { Styles = ["STYLE68"] }).Single().Id);
        Assert.Equal(ids[3], index.Search([1, 0], 5, new MoveFilter { Styles = ["style3"] }).Single().Id);
        Assert.Equal([ids[5], ids[66]], index.Search([1, 0], 5, new MoveFilter { Styles = ["style66", "style5"] }).Select(m => m.Id));
        Assert.Empty(index.Search([1, 0], 5, new MoveFilter { Styles = ["unknown"] }));
        Assert.Equal(5, index.Search([1, 0], 5, new MoveFilter { Styles = ["all"] }).Count);
    }

    [Fact]
    public void Asking_for_more_neighbours_than_there_are_moves_returns_every_move_in_order()
    {
        using var index = new MoveIndex(2);
        var east = Guid.NewGuid();
        var north = Guid.NewGuid();
        var west = Guid.NewGuid();
        index.UpsertRange([
            new MoveRecord(north, [0, 1], [], 1, 0),
            new MoveRecord(west, [-1, 0], [], 1, 0),
            new MoveRecord(east, [2, 0], [], 1, 0),
        ]);

        var matches = index.Search([1, 0], 50);

        Assert.Equal([east, north, west], matches.Select(m => m.Id));
        Assert.Equal([1f, 0f, -1f], matches.Select(m => m.Similarity));
    }

    [Fact]
    public void Searching_an_empty_index_returns_nothing()
    {
        using var index = new MoveIndex(4);
        Assert.Empty(index.Search([1, 2, 3, 4], 10));
    }

    [Fact]
    public void A_zero_query_vector_is_rejected_because_its_cosine_similarity_is_undefined()
    {
        using var index = new MoveIndex(3);
        index.Upsert(new MoveRecord(Guid.NewGuid(), [1, 0, 0], [], 1, 0));

        var error = Assert.Throws<ArgumentException>(() => index.Search(new float[3], 5));
        Assert.Contains("zero vector", error.Message);
    }

    [Fact]
    public void A_zero_embedding_is_rejected_on_upsert()
    {
        using var index = new MoveIndex(3);
        var error = Assert.Throws<ArgumentException>(() => index.Upsert(new MoveRecord(Guid.NewGuid(), new float[3], [], 1, 0)));
        Assert.Contains("zero vector", error.Message);
    }

    [Fact]
    public void Vectors_of_the_wrong_dimension_are_rejected_for_search_and_upsert()
    {
        using var index = new MoveIndex(4);

        var search = Assert.Throws<ArgumentException>(() => index.Search([1, 2, 3], 1));
        var upsert = Assert.Throws<ArgumentException>(() => index.Upsert(new MoveRecord(Guid.NewGuid(), [1, 2, 3, 4, 5], [], 1, 0)));

        Assert.Contains("3 dimensions", search.Message);
        Assert.Contains("5-dimensional", upsert.Message);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Out_of_range_difficulty_or_energy_is_rejected_on_upsert()
    {
        using var index = new MoveIndex(2);
        Assert.Throws<ArgumentException>(() => index.Upsert(new MoveRecord(Guid.NewGuid(), [1, 0], [], 6, 10)));
        Assert.Throws<ArgumentException>(() => index.Upsert(new MoveRecord(Guid.NewGuid(), [1, 0], [], 3, 101)));
    }

    [Fact]
    public async Task Concurrent_searches_and_writes_never_see_a_torn_index()
    {
        var random = new Random(9);
        var moves = RandomMoves(random, 1_000);
        using var index = new MoveIndex(Dimension);
        index.UpsertRange(moves);
        var churn = RandomMoves(new Random(10), 200);

        var writer = Task.Run(() =>
        {
            foreach (var move in churn) index.Upsert(move);
            foreach (var move in churn) index.Remove(move.Id);
        });
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var target = moves[(r * 200 + i) % moves.Count];
                Assert.Equal(target.Id, index.Search(target.Embedding, 3)[0].Id);
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(moves.Count, index.Count);
    }

    private static List<MoveRecord> RandomMoves(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => new MoveRecord(
            Guid.NewGuid(),
            RandomVector(random),
            [StyleNames[random.Next(StyleNames.Length)], StyleNames[random.Next(StyleNames.Length)]],
            random.Next(1, 6),
            random.Next(0, 101))).ToList();

    private static float[] RandomVector(Random random) =>
        Enumerable.Range(0, Dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
