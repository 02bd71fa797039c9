//! The editors' command: `cargo run --bin content -- <verb>`. `--help` (and `<verb> --help`)
//! says what each verb does, with examples. Exit status: 0 when all is well, 1 when something
//! is wrong with the content, 2 when the command itself is wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

use clinic_build::derived_files::write_derived_files;
use clinic_content::ids::readable_slug;
use clinic_content::load::{article_file, parse, INDEX_FILE};
use clinic_content::model::{Article, ArticleIndex, ArticleSummary};
use clinic_content::review::today;
use clinic_editor::check::{check_folder, check_folder_in, markdown_problems};
use clinic_editor::markdown::{import, skeleton};
use clinic_editor::sample_articles::{sample_articles, vocabulary_of, SAMPLE_SLUG_PREFIX};

const CONTENT_DIR: &str = "public/content";
const SOURCES_DIR: &str = "content-src";

const EXAMPLES: &str = "Examples:
cargo run --bin content -- check
cargo run --bin content -- new \"Sleeping Well With Back Pain\"
cargo run --bin content -- import content-src/sleeping-well-with-back-pain.md
cargo run --bin content -- generate
cargo run --bin content -- sample-articles 200 --content /tmp/site/content";

/// Checks, imports and starts the site's content, and writes the files made from it.
#[derive(Parser)]
#[command(name = "content", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Subcommand)]
enum Verb {
    /// Checks every content file through the browser's types and rules, the files against
    /// each other, and that each Markdown article has been imported as it now reads;
    /// mistakes fail (exit 1), warnings do not.
    #[command(
        after_help = "Example:\n  cargo run --bin content -- check public/content \
                            --sources content-src"
    )]
    Check {
        /// The content folder.
        #[arg(default_value = CONTENT_DIR)]
        folder: PathBuf,
        /// The Markdown articles imported into it (for the shipped content folder:
        /// content-src).
        #[arg(long)]
        sources: Option<PathBuf>,
    },
    /// Turns a Markdown article into articles/<slug>.json and lists it in articles.json,
    /// after checking the folder as it would be: a mistake changes nothing.
    #[command(after_help = "Example:\n  cargo run --bin content -- import \
                              content-src/sleeping-well-with-back-pain.md --force")]
    Import {
        /// The Markdown file.
        file: PathBuf,
        /// Replace an article that exists already.
        #[arg(long)]
        force: bool,
        /// The content folder.
        #[arg(long, default_value = CONTENT_DIR)]
        content: PathBuf,
    },
    /// Starts a Markdown article, with every kind of part an article has.
    #[command(
        after_help = "Example:\n  cargo run --bin content -- new \"Sleeping Well With \
                              Back Pain\""
    )]
    New {
        /// The article's title; the file is named after it.
        title: String,
        /// Where to write it.
        #[arg(long, default_value = SOURCES_DIR)]
        to: PathBuf,
    },
    /// Writes every file made from others: the content's JSON Schemas, the scripts'
    /// generated blocks and the security policy's hashes. tools/dev.sh build runs it.
    Generate,
    /// Adds N made-up articles to a copy of a content folder, to measure the site at
    /// scale. Never into the shipped content.
    #[command(
        after_help = "Example:\n  cargo run --bin content -- sample-articles 200 \
                              --content /tmp/site/content"
    )]
    SampleArticles {
        /// How many articles.
        count: usize,
        /// The copy of a content folder to add them to.
        #[arg(long)]
        content: PathBuf,
    },
}

/// What went wrong: with the content (exit 1) or with the command (exit 2).
enum Failure {
    Content(Vec<String>),
    Usage(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.verb) {
        Ok(done) => {
            if !done.is_empty() {
                println!("{done}");
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Content(problems)) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            let _ = Cli::command()
                .error(ErrorKind::ValueValidation, message)
                .print();
            ExitCode::from(2)
        }
    }
}

fn run(verb: Verb) -> Result<String, Failure> {
    match verb {
        Verb::Check { folder, sources } => {
            // The shipped content's Markdown is in content-src; another folder's, where told.
            let sources = sources
                .or_else(|| (folder == Path::new(CONTENT_DIR)).then(|| PathBuf::from(SOURCES_DIR)));
            check(&folder, sources.as_deref())
        }
        Verb::Import {
            file,
            force,
            content,
        } => import_article(&file, &content, force),
        Verb::New { title, to } => new_article(&title, &to),
        Verb::Generate => generate_derived_files(),
        // Never into the shipped content by accident.
        Verb::SampleArticles { content, .. } if content == Path::new(CONTENT_DIR) => {
            Err(Failure::Usage(
                "sample-articles writes into a copy of a content folder, never the shipped one"
                    .into(),
            ))
        }
        Verb::SampleArticles { count, content } => generate(count, &content),
    }
}

fn generate_derived_files() -> Result<String, Failure> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let written = write_derived_files(root).map_err(|e| Failure::Content(vec![e]))?;
    Ok(match written.as_slice() {
        [] => "every derived file is current".to_string(),
        files => format!("wrote {}", files.join(", ")),
    })
}

fn check(content: &Path, sources: Option<&Path>) -> Result<String, Failure> {
    for folder in std::iter::once(content).chain(sources) {
        if !folder.is_dir() {
            return Err(Failure::Usage(format!(
                "{} is not a folder",
                folder.display()
            )));
        }
    }
    let mut report = check_folder(content, &today());
    if let Some(sources) = sources {
        report.problems.extend(markdown_problems(sources, content));
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if report.problems.is_empty() {
        Ok(String::new())
    } else {
        Err(Failure::Content(report.problems))
    }
}

fn import_article(markdown: &Path, content: &Path, force: bool) -> Result<String, Failure> {
    let text = std::fs::read_to_string(markdown)
        .map_err(|e| Failure::Usage(format!("{}: {e}", markdown.display())))?;
    let article = import(&text, &site_of(content)).map_err(|errors| {
        Failure::Content(
            errors
                .into_iter()
                .map(|error| match error.line {
                    Some(line) => format!("{}:{line}: {}", markdown.display(), error.message),
                    None => format!("{}: {}", markdown.display(), error.message),
                })
                .collect(),
        )
    })?;
    let target = content.join(article_file(&article.slug).trim_start_matches("content/"));
    if target.exists() && !force {
        return Err(Failure::Content(vec![format!(
            "{} exists: add --force to replace it",
            target.display()
        )]));
    }
    let index_path = content.join(INDEX_FILE.trim_start_matches("content/"));
    let index_text = std::fs::read_to_string(&index_path)
        .map_err(|e| Failure::Content(vec![format!("{}: {e}", index_path.display())]))?;
    let mut index: ArticleIndex = parse(INDEX_FILE, &index_text)
        .map_err(|e| Failure::Content(vec![format!("{}: {e}", index_path.display())]))?;
    match index.articles.iter_mut().find(|a| a.slug == article.slug) {
        Some(listed) => listed.title = article.title.clone(),
        None => index.articles.push(ArticleSummary {
            slug: article.slug.clone(),
            title: article.title.clone(),
        }),
    }
    // The whole folder as the site will serve it (the hero must be bundled, and so on),
    // checked in a copy first: a failure changes nothing.
    let report = check_with(
        content,
        &[(&target, json(&article)?), (&index_path, json(&index)?)],
    )?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if !report.problems.is_empty() {
        return Err(Failure::Content(report.problems));
    }
    // Each file is whole or untouched; the article comes first, so the index never lists
    // a missing one.
    write_json(&target, &article)?;
    write_json(&index_path, &index)?;
    Ok(format!(
        "wrote {} and listed it in {}; it will be at articles/{}",
        target.display(),
        index_path.display(),
        article.slug
    ))
}

/// Adds `count` made-up articles to the content folder `content` (replacing any it added
/// before), written from the words of the articles there, with the home article's hero.
fn generate(count: usize, content: &Path) -> Result<String, Failure> {
    let failure =
        |path: &Path, error: String| Failure::Content(vec![format!("{}: {error}", path.display())]);
    let read = |file: &str| -> Result<String, Failure> {
        let path = content.join(file.trim_start_matches("content/"));
        std::fs::read_to_string(&path).map_err(|e| failure(&path, e.to_string()))
    };
    let mut index: ArticleIndex =
        parse(INDEX_FILE, &read(INDEX_FILE)?).map_err(|e| Failure::Content(vec![e.to_string()]))?;
    index
        .articles
        .retain(|summary| !summary.slug.starts_with(SAMPLE_SLUG_PREFIX));
    let existing: Vec<Article> = index
        .articles
        .iter()
        .map(|summary| {
            let file = article_file(&summary.slug);
            parse(&file, &read(&file)?).map_err(|e| Failure::Content(vec![e.to_string()]))
        })
        .collect::<Result<_, _>>()?;
    let hero = existing
        .iter()
        .find(|article| article.slug == index.home)
        .map(|article| article.hero.clone())
        .ok_or_else(|| Failure::Content(vec!["the index names no home article".into()]))?;
    let articles_dir = content.join("articles");
    for earlier in std::fs::read_dir(&articles_dir)
        .map_err(|e| failure(&articles_dir, e.to_string()))?
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with(SAMPLE_SLUG_PREFIX)
        })
    {
        std::fs::remove_file(earlier.path())
            .map_err(|e| failure(&earlier.path(), e.to_string()))?;
    }
    for article in sample_articles(count, &vocabulary_of(&existing), &hero) {
        let path = content.join(article_file(&article.slug).trim_start_matches("content/"));
        write_json(&path, &article)?;
        index.articles.push(ArticleSummary {
            slug: article.slug,
            title: article.title,
        });
    }
    write_json(
        &content.join(INDEX_FILE.trim_start_matches("content/")),
        &index,
    )?;
    let report = check_folder(content, &today());
    if !report.problems.is_empty() {
        return Err(Failure::Content(report.problems));
    }
    Ok(format!(
        "wrote {count} made-up articles into {} and listed them",
        content.display()
    ))
}

fn new_article(title: &str, to: &Path) -> Result<String, Failure> {
    let slug = readable_slug(title);
    if slug.is_empty() {
        return Err(Failure::Usage(format!(
            "{title:?} has no letters or digits for a file name"
        )));
    }
    let path = to.join(format!("{slug}.md"));
    if path.exists() {
        return Err(Failure::Content(vec![format!(
            "{} exists already",
            path.display()
        )]));
    }
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    std::fs::create_dir_all(to)
        .and_then(|()| std::fs::write(&path, skeleton(title, &today)))
        .map_err(|e| Failure::Content(vec![format!("{}: {e}", path.display())]))?;
    Ok(format!(
        "wrote {}: write the article there, then run cargo run --bin content -- import {}",
        path.display(),
        path.display()
    ))
}

/// The check of `content` as it would be with `changes` (a file of it, and its new
/// value) written: run on a copy beside it, which is then removed. The problems name
/// the files of `content`, not the copy's.
fn check_with(
    content: &Path,
    changes: &[(&Path, serde_json::Value)],
) -> Result<clinic_editor::check::Report, Failure> {
    let failure = |path: &Path, error: std::io::Error| {
        Failure::Content(vec![format!("{}: {error}", path.display())])
    };
    // Outside the content folder (which may be the working folder: --content .), and removed
    // however the check ends.
    let folder = tempfile::Builder::new()
        .prefix("content-check-")
        .tempdir()
        .map_err(|e| failure(Path::new("a temporary folder"), e))?;
    let copy = folder.path().join("content");
    copy_dir(content, &copy).map_err(|e| failure(&copy, e))?;
    for (path, value) in changes {
        let relative = path.strip_prefix(content).unwrap_or(path);
        std::fs::write(copy.join(relative), pretty(value)?)
            .map_err(|e| failure(&copy.join(relative), e))?;
    }
    let mut report = check_folder_in(&copy, &site_of(content), &today());
    let (from, to) = (copy.display().to_string(), content.display().to_string());
    for line in report.problems.iter_mut().chain(report.warnings.iter_mut()) {
        *line = line.replace(&from, &to);
    }
    Ok(report)
}

/// The folder the site is served from: the content folder's parent (`.` included).
fn site_of(content: &Path) -> PathBuf {
    std::fs::canonicalize(content)
        .ok()
        .and_then(|content| content.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| content.join(".."))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Writes `value` as pretty JSON, whole or not at all: into a file beside `path`, then
/// renamed over it.
fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), Failure> {
    let failure =
        |error: std::io::Error| Failure::Content(vec![format!("{}: {error}", path.display())]);
    let partial = path.with_extension("json.partial");
    std::fs::write(&partial, pretty(value)?).map_err(failure)?;
    std::fs::rename(&partial, path).map_err(|error| {
        let _ = std::fs::remove_file(&partial);
        failure(error)
    })
}

fn json(value: &impl serde::Serialize) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(value).map_err(|e| Failure::Content(vec![e.to_string()]))
}

/// A value as the content files write it: pretty JSON and a final newline.
fn pretty(value: &impl serde::Serialize) -> Result<String, Failure> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| Failure::Content(vec![e.to_string()]))?;
    text.push('\n');
    Ok(text)
}
