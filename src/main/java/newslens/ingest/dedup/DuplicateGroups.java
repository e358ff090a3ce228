package newslens.ingest.dedup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups articles that are copies of one story and elects the one to count. Articles with the same content
 * hash are always one group (whatever their dates, as exact-duplicate marking always did). A candidate pair
 * (from shared LSH band keys) of similarity at least {@code minSimilarity} joins the two articles' groups
 * (union-find: a copy of a copy is in the original's group) when every dated article of the one is within
 * {@code maxDaysApart} days of every dated article of the other, so that neither an undated article nor a
 * chain of copies stretches a group over months. Pairs are tried strongest first, then by doc_ids, so the
 * groups do not depend on the order of the input.
 *
 * <p>The head of a group is its earliest-published article, undated ones after every dated one, ties broken
 * by the smallest doc_id: the original is the earliest version, and the rule gives the same head whatever
 * the order of input. Every other member points at the head ({@code duplicate_of}), is {@code exact} when
 * it has the head's content hash and {@code near} otherwise, and carries its similarity to the head (1 for
 * exact copies; for near ones as measured, below the threshold only when it joined through another member).
 */
public final class DuplicateGroups {

    /** What grouping needs to know of an article; {@code publishedDate} is null when undated. */
    public record Article(String docId, String contentHash, LocalDate publishedDate) {}

    /** Two articles whose signatures shared a band key. */
    public record CandidatePair(String firstDocId, String secondDocId) {}

    /**
     * Similarity of two articles by doc_id: exact Jaccard of their shingle sets. A signature estimate also
     * fits, but its noise (up to 0.044) let a news-dev pair below 0.5 into a group at the 0.5 threshold.
     */
    @FunctionalInterface
    public interface Similarity {
        double between(String firstDocId, String secondDocId);
    }

    /** A duplicate: {@code duplicateOf} is its group's head. */
    public record Member(String docId, String duplicateOf, DuplicateKind kind, double similarity) {}

    /** A group of two or more articles: its head and the others, by doc_id. */
    public record Group(String head, List<Member> members) {}

    /** The order that elects heads: earliest date first, undated last, then smallest doc_id. */
    static final Comparator<Article> HEAD_ORDER = Comparator
            .comparing(Article::publishedDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Article::docId);

    private DuplicateGroups() {}

    /** The groups of two or more articles, ordered by head doc_id; articles in no group are left out. */
    public static List<Group> group(Collection<Article> articles, Collection<CandidatePair> candidates,
                                    Similarity similarity, DedupOptions options) {
        List<Article> byIndex = new ArrayList<>(articles);
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < byIndex.size(); i++) {
            if (indexOf.put(byIndex.get(i).docId(), i) != null) {
                throw new IllegalArgumentException("doc_id " + byIndex.get(i).docId() + " is given twice");
            }
        }
        int[] parent = new int[byIndex.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithHash = new HashMap<>();
        for (int i = 0; i < byIndex.size(); i++) {
            Integer first = firstWithHash.putIfAbsent(byIndex.get(i).contentHash(), i);
            if (first != null) {
                union(parent, first, i);
            }
        }
        LocalDate[] earliest = new LocalDate[byIndex.size()];
        LocalDate[] latest = new LocalDate[byIndex.size()];
        for (int i = 0; i < byIndex.size(); i++) {
            int root = find(parent, i);
            earliest[root] = earlier(earliest[root], byIndex.get(i).publishedDate());
            latest[root] = later(latest[root], byIndex.get(i).publishedDate());
        }
        for (Link link : verifiedLinks(byIndex, indexOf, candidates, similarity, options)) {
            int a = find(parent, link.first());
            int b = find(parent, link.second());
            if (a != b && spanWithin(earliest[a], latest[b], options) && spanWithin(earliest[b], latest[a], options)) {
                parent[a] = b;
                earliest[b] = earlier(earliest[a], earliest[b]);
                latest[b] = later(latest[a], latest[b]);
            }
        }
        Map<Integer, List<Article>> byRoot = new HashMap<>();
        for (int i = 0; i < byIndex.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(byIndex.get(i));
        }
        Map<String, Group> groups = new TreeMap<>();
        for (List<Article> members : byRoot.values()) {
            if (members.size() > 1) {
                Group group = headed(members, similarity);
                groups.put(group.head(), group);
            }
        }
        return List.copyOf(groups.values());
    }

    /** Every member of every group, by doc_id: the {@code duplicate_of} column's content. */
    public static Map<String, Member> membersById(List<Group> groups) {
        Map<String, Member> byId = new TreeMap<>();
        for (Group group : groups) {
            for (Member member : group.members()) {
                byId.put(member.docId(), member);
            }
        }
        return byId;
    }

    private static Group headed(List<Article> articles, Similarity similarity) {
        List<Article> sorted = new ArrayList<>(articles);
        sorted.sort(HEAD_ORDER);
        Article head = sorted.get(0);
        List<Member> members = new ArrayList<>();
        for (Article article : sorted.subList(1, sorted.size())) {
            boolean exact = article.contentHash().equals(head.contentHash());
            members.add(new Member(article.docId(), head.docId(), exact ? DuplicateKind.EXACT : DuplicateKind.NEAR,
                    exact ? 1.0 : similarity.between(article.docId(), head.docId())));
        }
        members.sort(Comparator.comparing(Member::docId));
        return new Group(head.docId(), List.copyOf(members));
    }

    /** A verified candidate pair, by article index. */
    private record Link(int first, int second, double similarity) {}

    /**
     * The candidate pairs within {@code maxDaysApart} and at or above {@code minSimilarity}, strongest first,
     * then by doc_ids: the order links are tried in, so the groups do not depend on the candidates' order.
     */
    private static List<Link> verifiedLinks(List<Article> byIndex, Map<String, Integer> indexOf,
                                            Collection<CandidatePair> candidates, Similarity similarity,
                                            DedupOptions options) {
        Set<Long> seen = new HashSet<>();
        List<Link> links = new ArrayList<>();
        for (CandidatePair pair : candidates) {
            int a = index(indexOf, pair.firstDocId());
            int b = index(indexOf, pair.secondDocId());
            Article first = byIndex.get(Math.min(a, b));
            Article second = byIndex.get(Math.max(a, b));
            if (a == b || !seen.add((long) Math.min(a, b) << 32 | Math.max(a, b))
                    || first.contentHash().equals(second.contentHash())
                    || !spanWithin(first.publishedDate(), second.publishedDate(), options)
                    || !spanWithin(second.publishedDate(), first.publishedDate(), options)) {
                continue;
            }
            double score = similarity.between(first.docId(), second.docId());
            if (score >= options.minSimilarity()) {
                links.add(new Link(Math.min(a, b), Math.max(a, b), score));
            }
        }
        links.sort(Comparator.comparingDouble(Link::similarity).reversed()
                .thenComparing(link -> byIndex.get(link.first()).docId())
                .thenComparing(link -> byIndex.get(link.second()).docId()));
        return links;
    }

    /** True when {@code to} is at most {@code maxDaysApart} days after {@code from}, or either is unknown. */
    private static boolean spanWithin(LocalDate from, LocalDate to, DedupOptions options) {
        return from == null || to == null || ChronoUnit.DAYS.between(from, to) <= options.maxDaysApart();
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static int index(Map<String, Integer> indexOf, String docId) {
        Integer index = indexOf.get(docId);
        if (index == null) {
            throw new IllegalArgumentException("candidate pair names doc_id " + docId + ", which is not an article");
        }
        return index;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
