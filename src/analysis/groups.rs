//! Claim groups: claims from any number of articles that report the same figure about the
//! same event (same kind, actor and thing; same or unknown place; overlapping or adjacent
//! date windows; compatible figures) are one group. Linking is transitive (union-find).
//!
//! A group is *contested* when another group about the same short event window (a week at
//! most, start and end within a day of its own) in the same named place gives a precise
//! figure that contradicts it (ranges that cannot both hold, within ten times of each
//! other) in another voice: from another article, or from another named source.

use super::Day;
use std::collections::HashMap;

/// What grouping needs of one claim. Names come as integer codes (equal names, equal
/// codes), so millions of claims fit in a few dozen bytes each and no string is compared.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInput {
    /// Kind, actor and unit together: claims only group within one block.
    pub block: u32,
    pub place: Option<u32>,
    /// The event window: stated dates, else the publication date (a day before it to it).
    pub start: Day,
    pub end: Day,
    pub low: Bound,
    pub high: Bound,
    /// Who says so: a named source, or the outlet speaking for itself (`own_voice`).
    pub voice: u32,
    pub own_voice: bool,
    /// The article the claim comes from.
    pub article: u32,
}

/// A figure bound that may be missing, in 8 bytes instead of an `Option<i64>`'s 16: the
/// grouping holds one [`GroupInput`] per claim of a whole archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bound(i64);

impl Bound {
    const MISSING: i64 = i64::MIN;

    /// The bound, if there is one.
    pub fn get(self) -> Option<i64> {
        (self.0 != Self::MISSING).then_some(self.0)
    }
}

impl From<Option<i64>> for Bound {
    /// `i64::MIN` itself is not a figure anyone writes; it reads as missing.
    fn from(value: Option<i64>) -> Self {
        Bound(value.unwrap_or(Self::MISSING))
    }
}

/// Days before any real date where claims with no date at all get windows of their own.
const UNDATED: Day = -1_000_000;

/// The window of a claim with neither a stated nor a publication date: one of its
/// article's own, far from every real date and from other articles' (ten days apart), so
/// it only groups with claims of the same article.
pub fn undated_window(article: u32) -> Day {
    UNDATED - 10 * (article as Day + 1)
}

/// The grouping of a claim list: a group per claim (0-based, in order of first member)
/// and, per group, whether it is contested.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grouping {
    pub group_of: Vec<u32>,
    pub contested: Vec<bool>,
}

/// The range a figure allows, as a closed interval. An open bound is closed at 10% past the
/// given one ("at least 400" allows 400..440, "up to 200" allows 100..200): a figure that
/// only bounds is compatible with figures near its bound, not with any figure at all.
pub fn allowed(low: Option<i64>, high: Option<i64>) -> Option<(i64, i64)> {
    match (low, high) {
        (Some(l), Some(h)) => Some((l.min(h), l.max(h))),
        (Some(l), None) => Some((l, l.saturating_add(l / 10))),
        (None, Some(h)) => Some((h / 2, h)),
        (None, None) => None,
    }
}

/// The range a claim's figure allows (see [`allowed`]).
fn range(c: &GroupInput) -> Option<(i64, i64)> {
    allowed(c.low.get(), c.high.get())
}

/// A broad range ("hundreds" is 200..999): more than half again as high as it is low.
fn broad((low, high): (i64, i64)) -> bool {
    high.saturating_mul(2) > low.saturating_mul(3)
}

/// Two figures can be the same figure: their allowed ranges overlap, and a broad range
/// ("hundreds", "dozens") is the same figure only as the same range, so "hundreds" never
/// merges with "400" (no figure at all is compatible with anything).
pub fn compatible(a: &GroupInput, b: &GroupInput) -> bool {
    match (range(a), range(b)) {
        (Some(x), Some(y)) if broad(x) || broad(y) => x == y,
        (Some((al, ah)), Some((bl, bh))) => al <= bh && bl <= ah,
        _ => true,
    }
}

/// The longest event window two claims can contradict over: a figure for a month or a
/// year is a running total, not a count of one event.
const MAX_CONTESTED_DAYS: Day = 7;

/// Two claims contradict: about one short event window in one named place, their figures
/// are precise (no "dozens"), cannot both be right, and are within ten times of each other.
/// (Whether they are two voices, and the same-article rule, are checked by the caller.)
fn contradict(a: &GroupInput, b: &GroupInput) -> bool {
    let short = |c: &GroupInput| c.end - c.start <= MAX_CONTESTED_DAYS;
    if !(same_window(a, b) && short(a) && short(b) && a.place.is_some() && a.place == b.place) {
        return false;
    }
    match (range(a), range(b)) {
        (Some(x), Some(y)) if broad(x) || broad(y) => false,
        // Ten times apart is a running total beside one incident, not two counts of one.
        (Some((al, ah)), Some((bl, bh))) => {
            (al > bh || bl > ah) && al.max(bl) <= ah.min(bh).saturating_mul(10)
        }
        _ => false,
    }
}

fn places_agree(a: &GroupInput, b: &GroupInput) -> bool {
    match (a.place, b.place) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn windows_touch(a: &GroupInput, b: &GroupInput) -> bool {
    a.start <= b.end + 1 && b.start <= a.end + 1
}

fn same_window(a: &GroupInput, b: &GroupInput) -> bool {
    (a.start - b.start).abs() <= 1 && (a.end - b.end).abs() <= 1
}

/// Disjoint sets over claim indices (stored as u32: half the memory for millions).
struct UnionFind(Vec<u32>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n as u32).collect())
    }
    fn find(&mut self, i: usize) -> usize {
        let mut i = i as u32;
        while self.0[i as usize] != i {
            let parent = self.0[i as usize] as usize;
            self.0[i as usize] = self.0[parent];
            i = self.0[i as usize];
        }
        i as usize
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb) as u32;
        }
    }
}

/// Members of each block (same kind, actor and unit), sorted by window start. Indices are
/// u32 and each block is allocated at its size: millions of claims are held once, not in
/// doubling vectors.
fn blocks(claims: &[GroupInput]) -> Vec<Vec<u32>> {
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for c in claims {
        *sizes.entry(c.block).or_default() += 1;
    }
    let mut by_key: HashMap<u32, Vec<u32>> = sizes
        .into_iter()
        .map(|(block, n)| (block, Vec::with_capacity(n)))
        .collect();
    for (i, c) in claims.iter().enumerate() {
        if let Some(members) = by_key.get_mut(&c.block) {
            members.push(i as u32);
        }
    }
    let mut out: Vec<Vec<u32>> = by_key.into_values().collect();
    for members in &mut out {
        members.sort_unstable_by_key(|&i| (claims[i as usize].start, i));
    }
    out.sort_by_key(|m| m.first().copied());
    out
}

/// What linking looks at: claims equal in all of it link to each other and to the same
/// others, so one representative per key stands for all of them in the sweep.
type LinkKey = (Option<u32>, Option<(i64, i64)>, Day, Day);

fn link_key(c: &GroupInput) -> LinkKey {
    (c.place, range(c), c.start, c.end)
}

/// What contesting looks at, but the voice and article: place, window, figure and group.
type ContestKey = (u32, Day, Day, Bound, Bound, u32);

/// The claims of one [`ContestKey`]: a representative and the distinct (voice, own voice,
/// article) they were said in.
struct ContestRep {
    claim: usize,
    place: u32,
    said: Vec<(u32, bool, u32)>,
}

impl ContestRep {
    /// Some claim of `self` and some of `other` are two voices, and not an outlet's own
    /// figure beside a named source's in one article (mostly other incidents of a
    /// round-up; two named sources giving two figures are a dispute).
    fn disputes(&self, other: &ContestRep) -> bool {
        self.said.iter().any(|&(voice, own, article)| {
            other
                .said
                .iter()
                .any(|&(v, o, a)| voice != v && !(article == a && (own || o)))
        })
    }
}

/// Groups the claims and flags contested groups.
///
/// Each block is swept in window order with one representative per [`LinkKey`], so a
/// figure repeated by a thousand outlets costs one comparison, not a thousand: the work
/// grows with the distinct figures open at once, not with the copies of each.
pub fn group(claims: &[GroupInput]) -> Grouping {
    let mut uf = UnionFind::new(claims.len());
    let blocks = blocks(claims);
    // Claims of the same place (or both of none) link first; a claim of unknown place then
    // joins only when everything it could join lies in one place, so it never bridges two.
    let mut unplaced_links: Vec<(usize, usize)> = Vec::new();
    for members in &blocks {
        let mut representative: HashMap<LinkKey, usize> = HashMap::new();
        let mut open: Vec<usize> = Vec::new();
        for i in members.iter().map(|&i| i as usize) {
            let c = &claims[i];
            if let Some(&r) = representative.get(&link_key(c)) {
                uf.union(i, r);
                continue;
            }
            open.retain(|&j| {
                let still_open = claims[j].end + 1 >= c.start;
                if !still_open {
                    representative.remove(&link_key(&claims[j]));
                }
                still_open
            });
            for &j in &open {
                let o = &claims[j];
                if !(windows_touch(c, o) && compatible(c, o)) {
                    continue;
                }
                if c.place == o.place {
                    uf.union(i, j);
                } else if places_agree(c, o) {
                    unplaced_links.push(if c.place.is_none() { (i, j) } else { (j, i) });
                }
            }
            representative.insert(link_key(c), i);
            open.push(i);
        }
    }
    let mut candidates: HashMap<usize, Vec<usize>> = HashMap::new();
    for (unplaced, placed) in unplaced_links {
        candidates.entry(unplaced).or_default().push(placed);
    }
    let mut joins: Vec<(usize, Vec<usize>)> = candidates.into_iter().collect();
    joins.sort_unstable();
    for (unplaced, placed) in joins {
        let first_place = claims[placed[0]].place;
        if placed.iter().all(|&j| claims[j].place == first_place) {
            for j in placed {
                uf.union(unplaced, j);
            }
        }
    }
    // Number groups by first member (a root is its group's lowest index, so it comes first).
    let mut group_of = vec![u32::MAX; claims.len()];
    let mut n_groups = 0;
    for i in 0..claims.len() {
        let root = uf.find(i);
        if root == i {
            group_of[i] = n_groups;
            n_groups += 1;
        } else {
            group_of[i] = group_of[root];
        }
    }
    drop(uf);
    let mut contested = vec![false; n_groups as usize];
    for members in &blocks {
        let reps = contest_reps(claims, members, &group_of);
        for (k, a) in reps.iter().enumerate() {
            let (ca, ga) = (&claims[a.claim], group_of[a.claim] as usize);
            for b in &reps[k + 1..] {
                let (cb, gb) = (&claims[b.claim], group_of[b.claim] as usize);
                if b.place != a.place || cb.start > ca.start + 1 {
                    break;
                }
                if ga == gb || (contested[ga] && contested[gb]) {
                    continue;
                }
                if contradict(ca, cb) && a.disputes(b) {
                    contested[ga] = true;
                    contested[gb] = true;
                }
            }
        }
    }
    Grouping {
        group_of,
        contested,
    }
}

/// The block's claims that can contest (a named place, a short window) collapsed by
/// [`ContestKey`], ordered by place and window start.
fn contest_reps(claims: &[GroupInput], members: &[u32], group_of: &[u32]) -> Vec<ContestRep> {
    let mut index: HashMap<ContestKey, usize> = HashMap::new();
    let mut reps: Vec<ContestRep> = Vec::new();
    for i in members.iter().map(|&i| i as usize) {
        let c = &claims[i];
        let Some(place) = c.place.filter(|_| c.end - c.start <= MAX_CONTESTED_DAYS) else {
            continue;
        };
        let key = (place, c.start, c.end, c.low, c.high, group_of[i]);
        let r = *index.entry(key).or_insert_with(|| {
            reps.push(ContestRep {
                claim: i,
                place,
                said: Vec::new(),
            });
            reps.len() - 1
        });
        reps[r].said.push((c.voice, c.own_voice, c.article));
    }
    for rep in &mut reps {
        rep.said.sort_unstable();
        rep.said.dedup();
        rep.said.shrink_to_fit();
    }
    reps.sort_by_key(|r| (r.place, claims[r.claim].start, r.claim));
    reps
}

#[cfg(test)]
mod tests {
    use super::*;

    const PALMYRA: u32 = 7;
    const RAQQA: u32 = 8;

    /// A voice code per name, as the bindings would code them.
    fn voice(source: &str) -> u32 {
        ["SOHR", "AFP", "Russia", "army"]
            .iter()
            .position(|s| *s == source)
            .expect("a test voice") as u32
    }

    /// A killed-militants claim in Palmyra; its article is its voice and day.
    fn claim(low: i64, high: Option<i64>, start: Day, source: &str) -> GroupInput {
        GroupInput {
            block: 0,
            place: Some(PALMYRA),
            start,
            end: start,
            low: Some(low).into(),
            high: high.into(),
            voice: voice(source),
            own_voice: false,
            article: voice(source) * 1000 + start as u32,
        }
    }

    #[test]
    fn same_figure_same_event_is_one_group() {
        let g = group(&[
            claim(400, Some(400), 100, "SOHR"),
            claim(400, Some(400), 101, "SOHR"),
            claim(400, None, 100, "AFP"),
        ]);
        assert_eq!(g.group_of, vec![0, 0, 0]);
        assert_eq!(g.contested, vec![false]);
    }

    #[test]
    fn far_apart_windows_are_different_events() {
        let g = group(&[
            claim(10, Some(10), 100, "SOHR"),
            claim(10, Some(10), 110, "SOHR"),
        ]);
        assert_eq!(g.group_of, vec![0, 1]);
    }

    #[test]
    fn another_place_or_block_splits() {
        let mut other_place = claim(10, Some(10), 100, "SOHR");
        other_place.place = Some(RAQQA);
        let mut other_block = claim(10, Some(10), 100, "SOHR");
        other_block.block = 1;
        let g = group(&[claim(10, Some(10), 100, "SOHR"), other_place, other_block]);
        assert_eq!(g.group_of, vec![0, 1, 2]);
    }

    #[test]
    fn an_unknown_place_joins_one_place_but_never_bridges_two() {
        let mut unknown = claim(10, Some(10), 100, "AFP");
        unknown.place = None;
        let g = group(&[claim(10, Some(10), 100, "SOHR"), unknown.clone()]);
        assert_eq!(g.group_of, vec![0, 0]);
        let mut raqqa = claim(10, Some(10), 100, "SOHR");
        raqqa.place = Some(RAQQA);
        let g = group(&[claim(10, Some(10), 100, "SOHR"), unknown, raqqa]);
        assert_eq!(g.group_of, vec![0, 1, 2]);
    }

    #[test]
    fn incompatible_figures_from_two_sources_are_contested() {
        let g = group(&[
            claim(400, Some(400), 100, "SOHR"),
            claim(100, None, 100, "Russia"),
            claim(20, Some(20), 300, "SOHR"),
        ]);
        assert_eq!(g.group_of, vec![0, 1, 2]);
        assert_eq!(g.contested, vec![true, true, false]);
    }

    #[test]
    fn one_source_changing_its_figure_is_not_contested() {
        let g = group(&[
            claim(400, Some(400), 100, "SOHR"),
            claim(120, Some(120), 100, "SOHR"),
        ]);
        assert_eq!(g.contested, vec![false, false]);
    }

    #[test]
    fn a_broad_figure_is_its_own_group_but_no_contradiction() {
        let g = group(&[
            claim(400, Some(400), 100, "SOHR"),
            claim(200, Some(999), 100, "army"),
            claim(200, Some(999), 100, "AFP"),
        ]);
        assert_eq!(g.group_of, vec![0, 1, 1]);
        assert_eq!(g.contested, vec![false, false]);
    }

    #[test]
    fn a_round_up_or_a_running_total_is_no_dispute() {
        let mut own_voice = claim(5, Some(5), 100, "SOHR");
        own_voice.own_voice = true;
        own_voice.voice = 99;
        own_voice.article = voice("SOHR") * 1000 + 100;
        let g = group(&[claim(20, Some(20), 100, "SOHR"), own_voice]);
        assert_eq!(
            g.contested,
            vec![false, false],
            "same article, outlet's own figure"
        );
        let g = group(&[
            claim(2000, Some(2000), 100, "SOHR"),
            claim(20, Some(20), 100, "AFP"),
        ]);
        assert_eq!(g.contested, vec![false, false], "a hundred times apart");
    }

    #[test]
    fn a_claim_is_coded_in_48_bytes() {
        // 5.7M claims of a 2 GB corpus: 270 MB at 48 bytes, 360 MB at 64.
        assert!(std::mem::size_of::<GroupInput>() <= 48);
        assert_eq!(Bound::from(None).get(), None);
        assert_eq!(Bound::from(Some(0)).get(), Some(0));
    }

    #[test]
    fn bounds_are_closed_near_the_bound() {
        assert_eq!(allowed(Some(400), None), Some((400, 440)));
        assert_eq!(allowed(None, Some(200)), Some((100, 200)));
        assert_eq!(allowed(Some(24), Some(99)), Some((24, 99)));
    }

    /// The straightforward quadratic grouping (every open claim, every pair): the sweep with
    /// representatives must give exactly its result.
    fn reference(claims: &[GroupInput]) -> Grouping {
        let mut uf = UnionFind::new(claims.len());
        let mut unplaced: HashMap<usize, Vec<usize>> = HashMap::new();
        for members in blocks(claims) {
            let members: Vec<usize> = members.into_iter().map(|i| i as usize).collect();
            for (k, &i) in members.iter().enumerate() {
                for &j in &members[..k] {
                    let (c, o) = (&claims[i], &claims[j]);
                    if !(windows_touch(c, o) && compatible(c, o)) {
                        continue;
                    }
                    if c.place == o.place {
                        uf.union(i, j);
                    } else if places_agree(c, o) {
                        let (u, p) = if c.place.is_none() { (i, j) } else { (j, i) };
                        unplaced.entry(u).or_default().push(p);
                    }
                }
            }
        }
        let mut joins: Vec<_> = unplaced.into_iter().collect();
        joins.sort_unstable();
        for (u, placed) in joins {
            if placed
                .iter()
                .all(|&j| claims[j].place == claims[placed[0]].place)
            {
                placed.into_iter().for_each(|j| uf.union(u, j));
            }
        }
        let mut id_of_root: HashMap<usize, u32> = HashMap::new();
        let group_of: Vec<u32> = (0..claims.len())
            .map(|i| {
                let (root, next) = (uf.find(i), id_of_root.len() as u32);
                *id_of_root.entry(root).or_insert(next)
            })
            .collect();
        let mut contested = vec![false; id_of_root.len()];
        for (i, a) in claims.iter().enumerate() {
            for (j, b) in claims.iter().enumerate() {
                let same_article_round_up = a.article == b.article && (a.own_voice || b.own_voice);
                if a.block == b.block
                    && group_of[i] != group_of[j]
                    && a.voice != b.voice
                    && contradict(a, b)
                    && !same_article_round_up
                {
                    contested[group_of[i] as usize] = true;
                }
            }
        }
        Grouping {
            group_of,
            contested,
        }
    }

    fn arbitrary_claim() -> impl proptest::strategy::Strategy<Value = GroupInput> {
        use proptest::prelude::*;
        (
            (0u32..2, proptest::option::of(0u32..2), 0i32..4, 0i32..2),
            (proptest::option::of(prop_oneof![Just(10i64), Just(12), Just(40), Just(200)])),
            (proptest::option::of(prop_oneof![Just(10i64), Just(12), Just(999)])),
            (0u32..3, any::<bool>(), 0u32..3),
        )
            .prop_map(
                |((block, place, start, len), low, high, (voice, own_voice, article))| GroupInput {
                    block,
                    place,
                    start,
                    end: start + len,
                    low: low.into(),
                    high: high.into(),
                    voice,
                    own_voice,
                    article,
                },
            )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn representatives_give_the_reference_grouping(
            claims in proptest::collection::vec(arbitrary_claim(), 0..60)
        ) {
            proptest::prop_assert_eq!(group(&claims), reference(&claims));
        }
    }

    #[test]
    fn a_round_up_copied_into_another_article_is_a_dispute() {
        // The outlet's own 20 beside the Observatory's 5: no dispute inside article 1, but
        // the same 20 in article 2 disputes the 5 of article 1.
        let mut own = claim(20, Some(20), 100, "AFP");
        own.own_voice = true;
        own.article = 1;
        let mut copy = own.clone();
        copy.article = 2;
        let mut named = claim(5, Some(5), 100, "SOHR");
        named.article = 1;
        let g = group(&[own.clone(), named.clone()]);
        assert_eq!(g.contested, vec![false, false]);
        let g = group(&[own, copy, named]);
        assert_eq!(g.contested, vec![true, true]);
    }

    #[test]
    fn a_figure_copied_many_times_is_grouped_without_pairwise_work() {
        // 200,000 copies of one claim in one window: the quadratic sweep would need 2e10
        // comparisons; the representatives make it one.
        let claims: Vec<GroupInput> = (0..200_000)
            .map(|k| {
                let mut c = claim(400, Some(400), 100, if k % 2 == 0 { "SOHR" } else { "AFP" });
                c.article = k;
                c
            })
            .collect();
        let g = group(&claims);
        assert_eq!(g.contested, vec![false]);
        assert!(g.group_of.iter().all(|&id| id == 0));
    }
}
