//! Writes the search index from the articles: every word of a title, heading, paragraph, list
//! item, FAQ question and answer, with the place it occurs in and the kind of text it was
//! found in, split into a directory and chunks named by the hash of their bytes. Its format,
//! and the query the browser runs on it, are `clinic_content::search`.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use clinic_content::ids::slugify;
use clinic_content::model::{Article, Block};
use clinic_content::outline::{Outline, OutlineEntry};
use clinic_content::search::{
    is_stop_word, search_with, to_file_bytes, words, Chunk, ChunkId, Field, IndexedArticle, Place,
    PostingsChunkEntry, SearchDirectory, SearchLanguage, SearchResult, TermChunkEntry,
    SEARCH_DIRECTORY_FILE,
};

/// How large the chunks are: a query downloads the chunks holding its terms, so smaller
/// chunks waste less of each download on terms it does not need, and larger ones need fewer
/// requests and a smaller directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkSizes {
    /// About how many bytes of terms a term chunk holds.
    pub term_bytes: usize,
    /// About how many bytes of postings a postings chunk holds (a term with more has a chunk
    /// of its own).
    pub postings_bytes: usize,
    pub articles_per_details: u32,
}

impl Default for ChunkSizes {
    fn default() -> Self {
        ChunkSizes {
            term_bytes: 8 * 1024,
            postings_bytes: 16 * 1024,
            articles_per_details: 8,
        }
    }
}

impl ChunkSizes {
    /// Every chunk as small as it can be: one term, one term's postings, one article each.
    pub const SMALLEST: ChunkSizes = ChunkSizes {
        term_bytes: 1,
        postings_bytes: 1,
        articles_per_details: 1,
    };
    /// The whole index in one chunk of each kind.
    pub const WHOLE: ChunkSizes = ChunkSizes {
        term_bytes: usize::MAX,
        postings_bytes: usize::MAX,
        articles_per_details: u32::MAX,
    };
}

/// The index as the build writes it: the directory, and each chunk's bytes.
#[derive(Debug, Clone)]
pub struct SearchFiles {
    pub directory: SearchDirectory,
    pub chunks: HashMap<ChunkId, Vec<u8>>,
}

impl SearchFiles {
    /// Each file to write, relative to the site's base. (The chunks move into the list: a
    /// copy would double the build's memory at 10,000 articles.)
    pub fn files(self) -> Vec<(String, Vec<u8>)> {
        let mut files = vec![(
            SEARCH_DIRECTORY_FILE.to_string(),
            to_file_bytes(&self.directory),
        )];
        for (id, bytes) in self.chunks {
            if let Some(file) = self.directory.file(id) {
                files.push((file, bytes));
            }
        }
        files
    }

    /// Runs `query` as the browser does for a reader of `language`: reading each chunk it
    /// needs from its bytes.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        language: &str,
    ) -> Result<Vec<SearchResult>, String> {
        search_with(&self.directory, query, limit, language, |id| {
            let bytes = self.chunks.get(&id).ok_or("no such chunk")?;
            self.directory.read_chunk(id, bytes)
        })
    }
}

/// The index of `articles`, each in the order given (which breaks ties between results)
/// and in its language (`language_of`), in chunks of about `sizes`.
pub fn search_index<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    language_of: impl Fn(&Article) -> SearchLanguage,
    sizes: ChunkSizes,
) -> SearchFiles {
    let mut builder = Builder::default();
    for article in articles {
        builder.add(article, language_of(article));
    }
    builder.finish(sizes)
}

/// Collects every word of every article with the place and field it was found in.
#[derive(Default)]
struct Builder {
    articles: Vec<IndexedArticle>,
    terms: HashMap<String, Places>,
    languages: Vec<SearchLanguage>,
    article_languages: Vec<u32>,
}

/// Each article a term is found in, in order, with the place in it where it counts most and
/// the field it is found in there.
type Places = Vec<(u32, u32, Field)>;

impl Builder {
    fn add(&mut self, article: &Article, language: SearchLanguage) {
        let number = self.articles.len() as u32;
        let known = self.languages.iter().position(|known| *known == language);
        let at = known.unwrap_or_else(|| {
            self.languages.push(language);
            self.languages.len() - 1
        });
        self.article_languages.push(at as u32);
        self.articles.push(IndexedArticle {
            slug: article.slug.clone(),
            title: article.title.clone(),
            category: article.category.clone(),
            sections: Vec::new(),
        });
        let outline = Outline::of(article);
        let top = (number, 0);
        self.text(top, Field::Title, &article.title);
        // A reader may search by another name of what the article is about.
        for other in &article.also_called {
            self.text(top, Field::Title, other);
        }
        self.blocks(top, &article.intro);
        for (section, entry) in article.sections.iter().zip(&outline.sections) {
            let place = self.place(number, entry);
            self.text(place, Field::Heading, &section.heading);
            self.blocks(place, &section.body);
            for (sub, entry) in section.subsections.iter().zip(&entry.children) {
                let place = self.place(number, entry);
                self.text(place, Field::Heading, &sub.heading);
                self.blocks(place, &sub.body);
            }
        }
        let questions = article.faq.iter().flat_map(|faq| &faq.items);
        let entries = outline.faq.iter().flat_map(|faq| &faq.children);
        for (item, entry) in questions.zip(entries) {
            let place = self.place(number, entry);
            self.text(place, Field::Heading, &item.question);
            self.blocks(place, &item.answer);
        }
    }

    /// A new place in article `article`: the section or question of `entry`.
    fn place(&mut self, article: u32, entry: &OutlineEntry) -> (u32, u32) {
        let Some(indexed) = self.articles.get_mut(article as usize) else {
            return (article, 0);
        };
        indexed.sections.push(Place {
            heading: entry.text.clone(),
            other_id: (entry.id != slugify(&entry.text)).then(|| entry.id.clone()),
        });
        (article, indexed.sections.len() as u32)
    }

    fn blocks(&mut self, place: (u32, u32), blocks: &[Block]) {
        for text in blocks.iter().flat_map(Block::texts) {
            self.text(place, Field::Body, &text);
        }
    }

    fn text(&mut self, (article, place): (u32, u32), field: Field, text: &str) {
        for word in words(text) {
            if is_stop_word(&word) {
                continue;
            }
            // One place per article: where the word counts most (the first such place). A
            // common word is in nearly every place of every article, and its places per
            // article would cost a query many times more to download.
            let places = self.terms.entry(word).or_default();
            match places.last_mut() {
                Some(last) if last.0 == article => {
                    if field > last.2 {
                        (last.1, last.2) = (place, field);
                    }
                }
                _ => places.push((article, place, field)),
            }
        }
    }

    fn finish(self, sizes: ChunkSizes) -> SearchFiles {
        let mut terms: Vec<(String, Places)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut chunks = HashMap::new();
        let mut term_chunks = Vec::new();
        let mut postings_chunks = Vec::new();
        let mut term_run: Vec<(usize, &str, u64)> = Vec::new();
        let mut term_run_bytes = 0;
        let mut postings_run: Vec<Vec<u32>> = Vec::new();
        let mut postings_run_bytes = 0;
        for (number, (term, places)) in terms.iter().enumerate() {
            if term_run_bytes >= sizes.term_bytes {
                add_term_chunk(&mut chunks, &mut term_chunks, std::mem::take(&mut term_run));
                term_run_bytes = 0;
            }
            term_run.push((number, term, places.len() as u64));
            // A term's letters, and about what its number takes in the map.
            term_run_bytes += term.len() + 4;
            let list = postings(places);
            let list_bytes = postcard::to_allocvec(&list).map_or(0, |bytes| bytes.len());
            if !postings_run.is_empty() && postings_run_bytes + list_bytes > sizes.postings_bytes {
                let first_term = number - postings_run.len();
                add_postings_chunk(
                    &mut chunks,
                    &mut postings_chunks,
                    first_term,
                    std::mem::take(&mut postings_run),
                );
                postings_run_bytes = 0;
            }
            postings_run.push(list);
            postings_run_bytes += list_bytes;
        }
        if !term_run.is_empty() {
            add_term_chunk(&mut chunks, &mut term_chunks, term_run);
        }
        if !postings_run.is_empty() {
            let first_term = terms.len() - postings_run.len();
            add_postings_chunk(&mut chunks, &mut postings_chunks, first_term, postings_run);
        }
        let per = sizes.articles_per_details.max(1);
        let mut details_chunks = Vec::new();
        for (n, run) in self.articles.chunks(per as usize).enumerate() {
            let bytes = to_file_bytes(&Chunk::Details(run.to_vec()));
            details_chunks.push(hash(&bytes));
            chunks.insert(ChunkId::Details(n), bytes);
        }
        SearchFiles {
            directory: SearchDirectory {
                articles: self.articles.len() as u32,
                terms: terms.len() as u32,
                term_chunks,
                postings_chunks,
                details_chunks,
                articles_per_details: per,
                languages: self.languages,
                article_languages: self.article_languages,
            },
            chunks,
        }
    }
}

/// Where a term is found, as the index writes it: pairs of the article (the difference from the
/// one before) and `place << 2 | field`.
fn postings(places: &[(u32, u32, Field)]) -> Vec<u32> {
    let mut last = 0;
    let mut list = Vec::with_capacity(places.len() * 2);
    for &(article, place, field) in places {
        list.push(article - last);
        list.push(place << 2 | field as u32);
        last = article;
    }
    list
}

/// A term chunk of `run` (each term's number, letters, and the number of articles it is in).
fn add_term_chunk(
    chunks: &mut HashMap<ChunkId, Vec<u8>>,
    entries: &mut Vec<TermChunkEntry>,
    run: Vec<(usize, &str, u64)>,
) {
    let first = run
        .first()
        .map(|(_, term, _)| term.to_string())
        .unwrap_or_default();
    let mut map = fst::MapBuilder::memory();
    for (number, term, places) in run {
        // Sorted and unique, as the map needs: it cannot fail.
        let _ = map.insert(
            term,
            (number as u64) << 32 | places.min(u64::from(u32::MAX)),
        );
    }
    let bytes = to_file_bytes(&Chunk::Terms(map.into_inner().unwrap_or_default()));
    entries.push(TermChunkEntry {
        first,
        hash: hash(&bytes),
    });
    chunks.insert(ChunkId::Terms(entries.len() - 1), bytes);
}

fn add_postings_chunk(
    chunks: &mut HashMap<ChunkId, Vec<u8>>,
    entries: &mut Vec<PostingsChunkEntry>,
    first_term: usize,
    run: Vec<Vec<u32>>,
) {
    let bytes = to_file_bytes(&Chunk::Postings(run));
    entries.push(PostingsChunkEntry {
        first_term: first_term as u32,
        hash: hash(&bytes),
    });
    chunks.insert(ChunkId::Postings(entries.len() - 1), bytes);
}

/// The start of the SHA-256 of `bytes`: a chunk's name, as `published.json` hashes files.
fn hash(bytes: &[u8]) -> [u8; 8] {
    let mut start = [0u8; 8];
    start.copy_from_slice(&Sha256::digest(bytes)[..8]);
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use clinic_content::fixtures::{article, in_english, paragraph, section};
    use clinic_content::language::DEFAULT_LANGUAGE;
    use clinic_content::model::FaqItem;
    use proptest::prelude::*;

    fn library(sizes: ChunkSizes) -> SearchFiles {
        let mut stretching = article(
            vec![section("Gentle Stretches", &["Shoulder Rolls"])],
            &["Can I stretch at work?"],
        );
        stretching.slug = "stretching".into();
        stretching.title = "Stretching for Stiffness".into();
        stretching
            .faq
            .as_mut()
            .expect("an FAQ")
            .items
            .push(FaqItem {
                question: "What about posture?".into(),
                id: None,
                answer: vec![paragraph("Keep your monitor at eye level.")],
            });
        let mut sleep = article(vec![section("Pillows and Mattresses", &[])], &["Q?"]);
        sleep.slug = "sleep".into();
        sleep.title = "Sleeping Without Back Pain".into();
        sleep.intro = vec![paragraph("Stretching before bed can help.")];
        search_index([&stretching, &sleep], in_english, sizes)
    }

    fn found(query: &str) -> Vec<(String, Option<String>)> {
        let whole = library(ChunkSizes::WHOLE).search(query, 10, DEFAULT_LANGUAGE);
        let smallest = library(ChunkSizes::SMALLEST).search(query, 10, DEFAULT_LANGUAGE);
        assert_eq!(whole, smallest, "{query}");
        whole
            .expect("every chunk is there")
            .into_iter()
            .map(|result| (result.slug, result.section_id))
            .collect()
    }

    #[test]
    fn a_title_outranks_body_text() {
        let results = found("stretching ");
        assert_eq!(results[0].0, "stretching");
        assert_eq!(results[1], ("sleep".to_string(), None));
    }

    #[test]
    fn a_heading_leads_to_its_section() {
        assert_eq!(
            found("pillows "),
            [(
                "sleep".to_string(),
                Some("pillows-and-mattresses".to_string())
            )]
        );
        assert_eq!(
            found("shoulder"),
            [("stretching".to_string(), Some("shoulder-rolls".to_string()))]
        );
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(found("mattr").len(), 1);
        assert!(
            found("mattr ").is_empty(),
            "a finished word must match whole"
        );
        assert!(found("m").is_empty(), "one letter is too little to go on");
    }

    #[test]
    fn one_typo_after_the_first_letter_is_forgiven_in_words_of_five_letters_or_more() {
        assert_eq!(found("pilows ").len(), 1);
        assert_eq!(found("monitr ").len(), 1);
        assert!(found("bak ").is_empty(), "a short word must be spelt right");
        assert!(found("pilowz ").is_empty(), "two typos are too many");
        assert!(
            found("billows ").is_empty(),
            "the first letter must be right"
        );
    }

    #[test]
    fn a_section_keeps_an_id_other_than_its_headings_slug() {
        let mut article = article(vec![section("Same", &[]), section("Same", &[])], &["Q?"]);
        article.sections[1].heading = "Same".into();
        article.sections[0].id = Some("first-one".into());
        let index = search_index([&article], in_english, ChunkSizes::default());
        let ids: Vec<Option<String>> = index
            .search("same ", 10, DEFAULT_LANGUAGE)
            .expect("every chunk is there")
            .iter()
            .map(|r| r.section_id.clone())
            .collect();
        assert_eq!(ids, [Some("first-one".to_string())]);
    }

    #[test]
    fn an_article_is_found_by_its_other_names() {
        let mut reflux = article(vec![section("Causes", &[])], &[]);
        reflux.slug = "reflux".into();
        reflux.title = "Acid Reflux".into();
        reflux.also_called = vec!["Heartburn".into()];
        let index = search_index([&reflux], in_english, ChunkSizes::default());
        let found = index
            .search("heartburn ", 10, DEFAULT_LANGUAGE)
            .expect("every chunk is there");
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].slug.as_str(), found[0].section_id.as_deref()),
            ("reflux", None)
        );
    }

    #[test]
    fn an_faq_answer_leads_to_its_question() {
        assert_eq!(
            found("monitor "),
            [(
                "stretching".to_string(),
                Some("what-about-posture".to_string())
            )]
        );
    }

    #[test]
    fn a_word_is_found_whatever_its_accents_and_case() {
        // Words too short to be found one typo away, or two accents away.
        let mut spanish = article(vec![section("Sí al café, no al ñandú", &[])], &[]);
        spanish.slug = "cafe".into();
        let index = search_index([&spanish], in_english, ChunkSizes::SMALLEST);
        for query in ["cafe ", "CAFÉ ", "si ", "Sí ", "nandu ", "ÑANDU "] {
            let found = index.search(query, 10, DEFAULT_LANGUAGE).expect("found");
            assert_eq!(found.len(), 1, "{query:?}");
        }
    }

    #[test]
    fn results_in_the_reader_s_language_come_first_and_each_names_its_language() {
        let mut english = article(vec![section("Walking", &[])], &[]);
        english.slug = "walking".into();
        // A better match (in the title), in Spanish.
        let mut spanish = article(vec![section("Caminar", &[])], &[]);
        spanish.slug = "caminar".into();
        spanish.title = "Walking".into();
        spanish.lang = Some("es-MX".into());
        let language_of = |article: &Article| {
            let tag = article.lang.clone().unwrap_or("en".into());
            SearchLanguage {
                name: format!("{tag} name"),
                tag,
            }
        };
        let index = search_index([&english, &spanish], language_of, ChunkSizes::SMALLEST);
        let order = |language: &str| -> Vec<(String, String)> {
            let found = index.search("walking", 10, language).expect("found");
            found
                .into_iter()
                .map(|result| {
                    let language = result.language.expect("a language");
                    (result.slug, language.name)
                })
                .collect()
        };
        let in_english = ("walking".to_string(), "en name".to_string());
        let in_spanish = ("caminar".to_string(), "es-MX name".to_string());
        assert_eq!(order("en"), [in_english.clone(), in_spanish.clone()]);
        assert_eq!(order("es"), [in_spanish.clone(), in_english.clone()]);
        // A reader of neither: the best match first.
        assert_eq!(order("ar"), [in_spanish, in_english]);
    }

    #[test]
    fn every_word_must_match_and_stop_words_are_ignored() {
        assert_eq!(found("stretching the pillows ").len(), 1);
        assert!(found("pillows monitor ").is_empty());
        assert!(found("the ").is_empty());
    }

    #[test]
    fn a_query_loads_only_the_chunks_of_its_terms() {
        let index = library(ChunkSizes::SMALLEST);
        let mut loaded = Vec::new();
        let results = search_with(&index.directory, "pillows ", 10, DEFAULT_LANGUAGE, |id| {
            loaded.push(id);
            index.directory.read_chunk(id, &index.chunks[&id])
        })
        .expect("every chunk is there");
        assert_eq!(results.len(), 1);
        let kinds = |kind: fn(&ChunkId) -> bool| loaded.iter().filter(|id| kind(id)).count();
        // Every term beginning with "p" (a typo is forgiven after the first letter only),
        // the places of the one term it matched, and the one article found.
        let terms_with_p = (index.directory.term_chunks.iter())
            .filter(|chunk| chunk.first.starts_with('p'))
            .count();
        assert!(terms_with_p > 1);
        // (And the chunk before them, which may hold a term "p" sorts before.)
        assert_eq!(
            kinds(|id| matches!(id, ChunkId::Terms(_))),
            terms_with_p + 1
        );
        assert_eq!(kinds(|id| matches!(id, ChunkId::Postings(_))), 1);
        assert_eq!(kinds(|id| matches!(id, ChunkId::Details(_))), 1);
        assert!(loaded.len() < index.chunks.len() / 4, "{loaded:?}");
    }

    /// Words for random articles: few, so that they share many, with common starts.
    const VOCABULARY: [&str; 16] = [
        "back",
        "backache",
        "bath",
        "stretch",
        "stretches",
        "stretching",
        "strength",
        "sleep",
        "sleeping",
        "slept",
        "pillow",
        "pillows",
        "posture",
        "postural",
        "walk",
        "walking",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(VOCABULARY.to_vec()), 1..6)
            .prop_map(|words| words.join(" "))
    }

    prop_compose! {
        fn random_article()(
            title in text(),
            intro in text(),
            sections in prop::collection::vec((text(), text()), 0..4),
            questions in prop::collection::vec((text(), text()), 0..3),
        ) -> Article {
            let mut made = article(Vec::new(), &[]);
            made.slug = slugify(&title);
            made.title = title;
            made.intro = vec![paragraph(&intro)];
            made.sections = sections
                .iter()
                .map(|(heading, body)| {
                    let mut made = section(heading, &[]);
                    made.body = vec![paragraph(body)];
                    made
                })
                .collect();
            if let Some(faq) = made.faq.as_mut() {
                faq.items = questions
                    .iter()
                    .map(|(question, answer)| FaqItem {
                        question: question.clone(),
                        id: None,
                        answer: vec![paragraph(answer)],
                    })
                    .collect();
            }
            made
        }
    }

    /// A query as a reader types it: words of the vocabulary, whole, cut short or with a
    /// letter changed, with or without a space after the last.
    fn query() -> impl Strategy<Value = String> {
        let word = (
            prop::sample::select(VOCABULARY.to_vec()),
            0..4usize,
            any::<bool>(),
        )
            .prop_map(|(word, change, typo)| match change {
                1 => word[..word.len().min(3)].to_string(),
                2 if typo => format!("{}x{}", &word[..1], &word[2..]),
                3 => format!("{word}s"),
                _ => word.to_string(),
            });
        (prop::collection::vec(word, 1..4), any::<bool>())
            .prop_map(|(words, space)| words.join(" ") + if space { " " } else { "" })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn a_query_finds_the_same_in_chunks_as_in_the_whole_index(
            articles in prop::collection::vec(random_article(), 1..12),
            queries in prop::collection::vec(query(), 1..8),
            term_bytes in 1..64usize,
            postings_bytes in 1..64usize,
            articles_per_details in 1..4u32,
        ) {
            let whole = search_index(&articles, in_english, ChunkSizes::WHOLE);
            let sizes = ChunkSizes { term_bytes, postings_bytes, articles_per_details };
            let chunked = search_index(&articles, in_english, sizes);
            for query in &queries {
                let expected = whole.search(query, 5, DEFAULT_LANGUAGE);
                prop_assert!(expected.is_ok());
                prop_assert_eq!(chunked.search(query, 5, DEFAULT_LANGUAGE), expected, "{}", query);
            }
        }
    }
}
