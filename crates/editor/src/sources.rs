//! The articles written in Markdown (`content-src/`), the source editors keep: every build and
//! `content check` read them, and each becomes the article JSON the site serves, listed in the
//! index beside the articles written in JSON. Nothing is imported by hand, so nothing can be
//! published from a stale copy.

use std::path::{Path, PathBuf};

use clinic_content::load::{article_file, INDEX_FILE};
use clinic_content::model::{Article, ArticleIndex, ArticleSummary};

use crate::markdown::read_article;

/// Where the Markdown articles are kept in a project, beside `index.html`.
pub const SOURCES_DIR: &str = "content-src";

/// An article read from its Markdown file.
#[derive(Debug, Clone, PartialEq)]
pub struct FromMarkdown {
    pub file: PathBuf,
    pub article: Article,
}

/// Every Markdown article in `sources` (none when the folder is not there), in file-name
/// order, with its hero's size read from `site` (the folder the site is served from) where
/// the front matter leaves it out. The articles that read, and each mistake of the others as
/// `file:line: message`.
pub fn read_sources(sources: &Path, site: &Path) -> (Vec<FromMarkdown>, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(sources)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    let (mut read, mut problems) = (Vec::new(), Vec::new());
    for file in files {
        let at = file.display().to_string();
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) => {
                problems.push(format!("{at}: cannot be read: {error}"));
                continue;
            }
        };
        let name = file.file_stem().unwrap_or_default().to_string_lossy();
        match read_article(&text, &name, site) {
            Ok(article) => read.push(FromMarkdown { file, article }),
            Err(errors) => problems.extend(errors.into_iter().map(|error| match error.line {
                Some(line) => format!("{at}:{line}: {}", error.message),
                None => format!("{at}: {}", error.message),
            })),
        }
    }
    (read, problems)
}

/// What [`publish_sources`] did.
#[derive(Debug, Default)]
pub struct Published {
    /// The mistakes: of a Markdown file (those that read are written all the same), or a slug
    /// both a Markdown and a JSON article use.
    pub problems: Vec<String>,
    /// Each JSON file written, with the Markdown file it was written from.
    pub written_from: Vec<(PathBuf, PathBuf)>,
}

impl Published {
    /// `line` (a problem or a warning of the published content) with each JSON file written
    /// named by the Markdown file it was written from: the file an editor can open.
    pub fn named_by_source(&self, line: &str) -> String {
        self.written_from
            .iter()
            .fold(line.to_string(), |line, (json, markdown)| {
                line.replace(&json.display().to_string(), &markdown.display().to_string())
            })
    }
}

/// Writes the Markdown articles of `sources` into the content folder `content` as the JSON
/// the site serves, and lists them in its index (written whole, then renamed); their images
/// are in `site`.
pub fn publish_sources(sources: &Path, content: &Path, site: &Path) -> Published {
    let (articles, problems) = read_sources(sources, site);
    let mut published = Published {
        problems,
        written_from: Vec::new(),
    };
    if articles.is_empty() {
        return published;
    }
    let index_path = content.join(INDEX_FILE.trim_start_matches("content/"));
    let index: Result<ArticleIndex, String> = std::fs::read_to_string(&index_path)
        .map_err(|error| format!("{}: cannot be read: {error}", index_path.display()))
        .and_then(|text| {
            // Only its form: its rules hold once the Markdown articles are listed in it.
            serde_json::from_str(&text)
                .map_err(|error| format!("{}: {error}", index_path.display()))
        });
    let mut index = match index {
        Ok(index) => index,
        Err(problem) => {
            published.problems.push(problem);
            return published;
        }
    };
    for FromMarkdown { file, article } in articles {
        let json = content.join(article_file(&article.slug).trim_start_matches("content/"));
        if index
            .articles
            .iter()
            .any(|listed| listed.slug == article.slug)
            || json.exists()
        {
            published.problems.push(format!(
                "{}: the slug {:?} is an article written in JSON too ({}): give one of them \
                 another slug",
                file.display(),
                article.slug,
                json.display()
            ));
            continue;
        }
        index.articles.push(ArticleSummary {
            slug: article.slug.clone(),
            title: article.title.clone(),
        });
        match write_json(&json, &article) {
            Ok(()) => published.written_from.push((json, file)),
            Err(problem) => published.problems.push(problem),
        }
    }
    if let Err(problem) = write_json(&index_path, &index) {
        published.problems.push(problem);
    }
    published
}

/// A copy of the content folder `content` as a build publishes it: with the Markdown articles
/// of `sources` written in (their images are in `site`), in a temporary folder removed when
/// dropped, whose `content` folder the copy is. And what was published.
pub fn published_copy(
    content: &Path,
    sources: &Path,
    site: &Path,
) -> Result<(tempfile::TempDir, Published), String> {
    let folder = tempfile::Builder::new()
        .prefix("content-published-")
        .tempdir()
        .map_err(|error| format!("a temporary folder: {error}"))?;
    let copy = folder.path().join("content");
    copy_folder(content, &copy)
        .map_err(|error| format!("{}: cannot be copied: {error}", content.display()))?;
    let published = publish_sources(sources, &copy, site);
    Ok((folder, published))
}

/// Copies the folder `from`, with everything in it, to `to`.
pub fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Writes `value` as pretty JSON (with a final newline), whole or not at all.
pub fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|error| error.to_string())?;
    write_whole(path, &(text + "\n"))
}

/// Writes `text` at `path`, whole or not at all: into a file beside it, then renamed over
/// it, so an editor's file is never left half written.
pub fn write_whole(path: &Path, text: &str) -> Result<(), String> {
    let failure = |error: std::io::Error| format!("{}: cannot be written: {error}", path.display());
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(failure)?;
    }
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, text).map_err(failure)?;
    std::fs::rename(&partial, path).map_err(|error| {
        let _ = std::fs::remove_file(&partial);
        failure(error)
    })
}

#[cfg(test)]
mod tests {
    use clinic_content::load::parse;

    use super::*;

    const ARTICLE: &str = "---\ntitle: A Test Article\ndescription: For tests.\ndate: 2026-02-03\n\
                           category: Tests\nhero:\n  src: images/x.svg\n  alt: A picture\n  \
                           width: 10\n  height: 5\n---\n\nIntro.\n\n## A Section\n\nBody.\n\n\
                           ## Frequently Asked Questions\n\n### Why?\n\nBecause.\n";

    /// A site folder with a content folder whose index names `home` and lists no article,
    /// and a sources folder with `markdown` files.
    fn site(markdown: &[(&str, &str)]) -> tempfile::TempDir {
        let folder = tempfile::tempdir().expect("a folder");
        let content = folder.path().join("site/content");
        std::fs::create_dir_all(content.join("articles")).expect("a folder");
        std::fs::write(
            content.join("articles.json"),
            "{\"home\": \"a-test-article\", \"articles\": []}",
        )
        .expect("write");
        let sources = folder.path().join(SOURCES_DIR);
        std::fs::create_dir_all(&sources).expect("a folder");
        for (name, text) in markdown {
            std::fs::write(sources.join(name), text).expect("write");
        }
        folder
    }

    #[test]
    fn a_markdown_article_is_written_as_json_and_listed() {
        let folder = site(&[("a-test-article.md", ARTICLE)]);
        let content = folder.path().join("site/content");
        let published = publish_sources(
            &folder.path().join(SOURCES_DIR),
            &content,
            &folder.path().join("site"),
        );
        assert_eq!(published.problems, Vec::<String>::new());
        let index: ArticleIndex = parse(
            INDEX_FILE,
            &std::fs::read_to_string(content.join("articles.json")).expect("index"),
        )
        .expect("the index is whole now");
        assert_eq!(index.articles.len(), 1);
        assert_eq!(index.articles[0].title, "A Test Article");
        let json = std::fs::read_to_string(content.join("articles/a-test-article.json"))
            .expect("the article's JSON");
        let article: Article =
            parse("content/articles/a-test-article.json", &json).expect("a valid article");
        assert_eq!(article.title, "A Test Article");
    }

    #[test]
    fn a_mistake_names_its_file_and_line_and_a_slug_used_twice_is_refused() {
        let broken = ARTICLE.replace("date: 2026-02-03", "date: [");
        let folder = site(&[("a-test-article.md", ARTICLE), ("b.md", &broken)]);
        let content = folder.path().join("site/content");
        std::fs::write(content.join("articles/a-test-article.json"), "{}").expect("write");
        let sources = folder.path().join(SOURCES_DIR);
        let problems = publish_sources(&sources, &content, &folder.path().join("site")).problems;
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!(
                "{}:4: front matter: ",
                sources.join("b.md").display()
            )),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("is an article written in JSON too"),
            "{problems:?}"
        );
    }
}
