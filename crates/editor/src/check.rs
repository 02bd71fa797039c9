//! `content check`: every file of a content folder through the same types and rules as the
//! browser, and the files checked against each other (every article listed and present, its
//! slug and title as the index has them, its images bundled, the people it names in the site
//! settings), and the editors' own rules (key points in plain words: `readability`). The
//! build runs the same check, so what it refuses is never published. Each problem is one line
//! that an editor's tools can jump to: `file:line:column: message` or `file: field.path:
//! message`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use clinic_content::error::ContentError;
use clinic_content::ids::readable_id;
use clinic_content::ids::slugify;
use clinic_content::language::{same_language, DEFAULT_LANGUAGE};
use clinic_content::load::{article_file, parse, INDEX_FILE, SITE_FILE};
use clinic_content::model::{Article, ArticleIndex, Block, SiteSettings};
use clinic_content::review::ReviewDates;
use clinic_content::text::display_date;
use clinic_content::validate::{problems_with_site, Validate};
use clinic_content::words::{count_form, locale_file, table_keys, Word, Words};

use crate::readability::key_points_problem;
use crate::sources::published_copy;

/// What `check_folder` found.
#[derive(Debug, Default)]
pub struct Report {
    /// Mistakes: the folder cannot be published until they are fixed.
    pub problems: Vec<String>,
    /// What works but is likely not what the editor meant, such as a related post that leads
    /// nowhere.
    pub warnings: Vec<String>,
}

/// Every problem of the content in `content` (a `content/` folder, whose parent is the folder
/// the site is served from), and what looks wrong on `today` (`YYYY-MM-DD`), such as a review
/// that is overdue. No problem means the folder is ready to publish.
pub fn check_folder(content: &Path, today: &str) -> Report {
    check_folder_in(content, &site_of(content), today)
}

/// The folder the site is served from: the parent of its content folder `content`, which
/// may be given as `.` or `..`.
fn site_of(content: &Path) -> PathBuf {
    match (content.components().next_back(), content.parent()) {
        (Some(std::path::Component::Normal(_)), Some(parent)) if parent != Path::new("") => {
            parent.to_path_buf()
        }
        (Some(std::path::Component::Normal(_)), _) => PathBuf::from("."),
        _ => content.join(".."),
    }
}

/// [`check_folder`] for a content folder kept apart from the site it belongs to (a copy being
/// checked before it replaces the original): the images it names are looked for in `site`.
pub fn check_folder_in(content: &Path, site: &Path, today: &str) -> Report {
    let mut problems = Vec::new();
    let mut load = |file: &str| -> Option<(PathBuf, String)> {
        // Files are named as the site serves them (`content/…`); read from `content`.
        let path = content.join(file.trim_start_matches("content/"));
        match std::fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(error) => {
                problems.push(format!("{}: cannot be read: {error}", path.display()));
                None
            }
        }
    };
    let settings = load(SITE_FILE);
    let index = load(INDEX_FILE);
    let mut lines = Vec::new();
    let mut warnings = Vec::new();
    let settings =
        settings.and_then(|(path, text)| read::<SiteSettings>(&path, SITE_FILE, &text, &mut lines));
    let Some((index_path, text)) = index else {
        problems.extend(lines);
        return Report { problems, warnings };
    };
    let Some(index) = read::<ArticleIndex>(&index_path, INDEX_FILE, &text, &mut lines) else {
        problems.extend(lines);
        return Report { problems, warnings };
    };
    let related_elsewhere = settings
        .as_ref()
        .is_some_and(|site| site.related_posts_base_url.is_some());
    if let Some(site_settings) = &settings {
        let people = site_settings.people.iter().enumerate();
        for (position, photo) in people.filter_map(|(n, p)| Some((n, p.photo.as_ref()?))) {
            if !site.join(photo).is_file() {
                lines.push(format!(
                    "{}: people[{position}].photo: {photo:?} is not in {}",
                    content.join("site.json").display(),
                    site.display()
                ));
            }
        }
    }
    let mut listed = BTreeSet::new();
    // Which article each old address leads to: one each.
    let mut old_addresses: HashMap<String, String> = HashMap::new();
    let mut languages = Vec::new();
    for summary in &index.articles {
        let file = article_file(&summary.slug);
        listed.insert(format!("{}.json", summary.slug));
        let Some((path, text)) = load(&file) else {
            continue;
        };
        let Some(article) = read::<Article>(&path, &file, &text, &mut lines) else {
            continue;
        };
        let at = path.display();
        let language = match &settings {
            Some(site) => site.language_of(&article).to_string(),
            None => article.lang.clone().unwrap_or(DEFAULT_LANGUAGE.to_string()),
        };
        languages.push(Written {
            at: at.to_string(),
            slug: article.slug.clone(),
            language: language.clone(),
            translation_of: article.translation_of.clone(),
        });
        for (position, address) in article.old_addresses.iter().enumerate() {
            if let Some(other) = old_addresses.insert(address.clone(), article.slug.clone()) {
                lines.push(format!(
                    "{at}: old_addresses[{position}]: {address:?} leads to {other:?} already: \
                     an old address leads to one article"
                ));
            }
        }
        for (position, post) in article.related.iter().enumerate() {
            let local = index.articles.iter().any(|a| a.slug == post.slug);
            if !local && !related_elsewhere {
                warnings.push(format!(
                    "{at}: related[{position}].slug: {:?} is not an article of this site, and \
                     site.json has no related_posts_base_url: it shows as a title that leads \
                     nowhere",
                    post.slug
                ));
            }
        }
        if let Some(site_settings) = &settings {
            lines.extend(
                problems_with_site(&article, site_settings)
                    .iter()
                    .map(|problem| format!("{at}: {problem}")),
            );
            let review = ReviewDates::of(&article, site_settings);
            if let Some(due) = review
                .next_due
                .as_deref()
                .filter(|_| review.overdue_on(today))
            {
                warnings.push(format!(
                    "{at}: next_review: the review was due on {}: review the article and \
                     set last_reviewed",
                    display_date(due).unwrap_or_else(|| due.to_string())
                ));
            }
        }
        warnings.extend(
            letters_dropped_from_addresses(&article)
                .into_iter()
                .map(|warning| format!("{at}: {warning}")),
        );
        lines.extend(
            key_points_problem(&article.key_points, &language)
                .map(|problem| format!("{at}: {problem}")),
        );
        if article.sources.is_empty() {
            warnings.push(format!(
                "{at}: sources: none listed: readers cannot see what the article is based on"
            ));
        }
        if article.slug != summary.slug {
            lines.push(format!(
                "{at}: slug: {:?} does not match the file name {:?}",
                article.slug, summary.slug
            ));
        }
        if article.title != summary.title {
            lines.push(format!(
                "{at}: title: {:?} differs from {} ({:?})",
                article.title,
                index_path.display(),
                summary.title
            ));
        }
        let pictures = article.body_blocks().filter_map(|block| match block {
            Block::Figure(figure) => Some(("figure.image", &figure.image)),
            _ => None,
        });
        let hero = article.hero.iter().flat_map(|hero| {
            std::iter::once(("hero.image", &hero.image))
                .chain(hero.share_image.as_ref().map(|i| ("hero.share_image", i)))
        });
        for (field, image) in hero.chain(pictures) {
            if !site.join(image).is_file() {
                lines.push(format!(
                    "{at}: {field}: {image:?} is not in {}",
                    site.display()
                ));
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(content.join("articles")) {
        let on_disk: BTreeSet<String> = entries
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        for unlisted in on_disk.difference(&listed) {
            lines.push(format!(
                "{}: not listed in {}",
                content.join("articles").join(unlisted).display(),
                index_path.display()
            ));
        }
    }
    lines.extend(translation_problems(&languages));
    let site_language = settings
        .as_ref()
        .map_or(DEFAULT_LANGUAGE, |site| site.language());
    lines.extend(words_problems(
        content,
        std::iter::once((
            site_language,
            content.join("site.json").display().to_string(),
        ))
        .chain(
            languages
                .iter()
                .map(|a| (a.language.as_str(), a.at.clone())),
        ),
    ));
    // The build writes a `_redirects` rule for each old path (`clinic_build::redirects`).
    let rules = old_addresses
        .keys()
        .filter(|address| !address.contains('?'))
        .count();
    if rules > CLOUDFLARE_REDIRECTS {
        warnings.push(format!(
            "old_addresses: {rules} old paths across the articles: Cloudflare Pages follows \
             the first {CLOUDFLARE_REDIRECTS} redirect rules; the rest still lead to their \
             articles through the pages at those paths, without a 301"
        ));
    }
    problems.extend(lines);
    Report { problems, warnings }
}

/// An article as its language and translation make it: where it is read from, its slug, its
/// language and the article it translates.
struct Written {
    at: String,
    slug: String,
    language: String,
    translation_of: Option<String>,
}

/// What is wrong between translations: each names an article of the site that is an original
/// (not itself a translation), in another language than its own, and an original has one
/// translation per language.
fn translation_problems(articles: &[Written]) -> Vec<String> {
    let by_slug: HashMap<&str, &Written> = articles.iter().map(|a| (a.slug.as_str(), a)).collect();
    let mut translated: HashMap<(&str, String), &str> = HashMap::new();
    let mut problems = Vec::new();
    for article in articles {
        let Some(original) = article.translation_of.as_deref() else {
            continue;
        };
        let at = &article.at;
        let Some(found) = by_slug.get(original) else {
            problems.push(format!(
                "{at}: translation_of: {original:?} is not an article of this site: give the \
                 slug of the article this one translates"
            ));
            continue;
        };
        if let Some(first) = &found.translation_of {
            problems.push(format!(
                "{at}: translation_of: {original:?} is itself a translation, of {first:?}: name \
                 the original, {first:?}"
            ));
        } else if same_language(&found.language, &article.language) {
            problems.push(format!(
                "{at}: translation_of: {original:?} is in {:?} too: a translation is in another \
                 language (set lang to the language this article is written in)",
                found.language
            ));
        } else if let Some(other) = translated.insert(
            (original, article.language.to_ascii_lowercase()),
            article.slug.as_str(),
        ) {
            problems.push(format!(
                "{at}: translation_of: {original:?} already has a translation in {:?}, {other:?}: \
                 an article has one translation per language",
                article.language
            ));
        }
    }
    problems
}

/// What is wrong with the tables of the interface's words (`content/locales/`): a language
/// the site's pages use (each with the first file that uses it) without its table, and in
/// each table a key that is missing or that no page uses, then any word left empty.
fn words_problems<'a>(
    content: &Path,
    used: impl Iterator<Item = (&'a str, String)>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut tables: BTreeMap<String, (&str, String)> = BTreeMap::new();
    for (language, by) in used {
        tables
            .entry(locale_file(language))
            .or_insert((language, by));
    }
    for (file, (language, by)) in tables {
        let path = content.join(file.trim_start_matches("content/"));
        let at = path.display();
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!(
                "{at}: missing: {by} is in its language; add this table of the interface's \
                 words (copy locales/en.json and translate each word)"
            ));
            continue;
        };
        let given: BTreeSet<String> = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|table| Some(table.as_object()?.keys().cloned().collect()))
            .unwrap_or_default();
        let (needed, allowed) = table_keys(language);
        let missing: Vec<&String> = needed.difference(&given).collect();
        let extra: Vec<&String> = given
            .difference(&allowed)
            .filter(|key| *key != "$schema")
            .collect();
        for key in &missing {
            let form = Word::ALL
                .iter()
                .filter(|word| word.is_counted())
                .find_map(|word| key.strip_prefix(word.key())?.strip_prefix('_'));
            let example =
                form.and_then(|form| (0..=1000).find(|n| count_form(language, *n) == form));
            problems.push(match example {
                Some(count) => format!(
                    "{at}: {key}: missing: add its words in this language as they count {count} \
                     and the numbers counted alike"
                ),
                None => format!("{at}: {key}: missing: add its words in this language"),
            });
        }
        for key in &extra {
            problems.push(format!("{at}: {key}: not a word the site uses: remove it"));
        }
        if missing.is_empty() && extra.is_empty() {
            read::<Words>(&path, &file, &text, &mut problems);
        }
    }
    problems
}

/// How many static redirect rules Cloudflare Pages follows.
const CLOUDFLARE_REDIRECTS: usize = 2000;

/// [`check_folder`] of the content as a build publishes it: with the Markdown articles of
/// `sources` written in as JSON, in a copy that is removed after. Their own mistakes come
/// first, by file and line; every line names the files of `content` and `sources`.
pub fn check_site(content: &Path, sources: &Path, today: &str) -> Report {
    let site = site_of(content);
    let (folder, mut published) = match published_copy(content, sources, &site) {
        Ok(published) => published,
        Err(problem) => {
            return Report {
                problems: vec![problem],
                warnings: Vec::new(),
            }
        }
    };
    let copied = folder.path().join("content");
    let mut report = check_folder_in(&copied, &site, today);
    published.problems.append(&mut report.problems);
    report.problems = std::mem::take(&mut published.problems);
    // A Markdown article's lines name its Markdown file; the others, the files of `content`.
    let copied = copied.display().to_string();
    let original = content.display().to_string();
    for line in report.problems.iter_mut().chain(report.warnings.iter_mut()) {
        *line = published.named_by_source(line).replace(&copied, &original);
    }
    report
}

/// The places where the browser's ASCII-only slugs would drop letters from an address: a
/// heading without an `id` of its own, and the category (whose page is at its slug).
fn letters_dropped_from_addresses(article: &Article) -> Vec<String> {
    let mut found = Vec::new();
    let mut heading = |path: String, text: &str, id: &Option<String>| {
        if let (None, Some(readable)) = (id, readable_id(text)) {
            found.push(format!(
                "{path}: the address #{} drops letters: give it \"id\": \"{readable}\"",
                slugify(text)
            ));
        }
    };
    for (n, section) in article.sections.iter().enumerate() {
        heading(
            format!("sections[{n}].heading"),
            &section.heading,
            &section.id,
        );
        for (m, sub) in section.subsections.iter().enumerate() {
            heading(
                format!("sections[{n}].subsections[{m}].heading"),
                &sub.heading,
                &sub.id,
            );
        }
    }
    for (n, item) in article.faq.iter().flat_map(|faq| &faq.items).enumerate() {
        heading(format!("faq.items[{n}].question"), &item.question, &item.id);
    }
    found
}

/// Reads one file, adding its problems to `lines`.
fn read<T: DeserializeOwned + Validate>(
    path: &Path,
    file: &str,
    text: &str,
    lines: &mut Vec<String>,
) -> Option<T> {
    let at = path.display();
    match parse::<T>(file, text) {
        Ok(value) => Some(value),
        Err(ContentError::Malformed {
            reason,
            at: Some((line, column)),
            ..
        }) => {
            lines.push(format!("{at}:{line}:{column}: {reason}"));
            None
        }
        Err(ContentError::Malformed { reason, .. } | ContentError::Unavailable { reason, .. }) => {
            lines.push(format!("{at}: {reason}"));
            None
        }
        Err(ContentError::Invalid { problems, .. }) => {
            lines.extend(problems.iter().map(|problem| format!("{at}: {problem}")));
            None
        }
    }
}
