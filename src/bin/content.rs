//! The editors' command: `cargo run --bin content -- <verb>`. `--help` (and `<verb> --help`)
//! says what each verb does, with examples. Exit status: 0 when all is well, 1 when something
//! is wrong with the content, 2 when the command itself is wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

use clinic_build::derived_files::write_derived_files;
use clinic_content::ids::readable_slug;
use clinic_content::load::{article_file, parse, INDEX_FILE, SITE_FILE};
use clinic_content::model::{Article, ArticleIndex, ArticleSummary, SiteSettings};
use clinic_content::review::today;
use clinic_editor::check::{check_folder, check_site};
use clinic_editor::markdown::skeleton;
use clinic_editor::sample_articles::{sample_articles, vocabulary_of, SAMPLE_SLUG_PREFIX};
use clinic_editor::sources::{self, write_whole, SOURCES_DIR};
use clinic_editor::wordpress::{import_wordpress, Options};

const CONTENT_DIR: &str = "public/content";

const EXAMPLES: &str = "Examples:
cargo run --bin content -- check
cargo run --bin content -- new \"Sleeping Well With Back Pain\"
cargo run --bin content -- generate
cargo run --bin content -- import-wordpress blog.WordPress.xml --uploads wp-content/uploads
cargo run --bin content -- sample-articles 200 --content /tmp/site/content";

/// Checks and starts the site's content, and writes the files made from it. Articles are
/// written in Markdown in content-src/, which every build reads: there is nothing to import.
#[derive(Parser)]
#[command(name = "content", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Subcommand)]
enum Verb {
    /// Checks the content as a build publishes it: the Markdown articles and every content
    /// file through the browser's types and rules, and the files against each other;
    /// mistakes fail (exit 1), warnings do not.
    #[command(
        after_help = "Example:\n  cargo run --bin content -- check public/content \
                            --sources content-src"
    )]
    Check {
        /// The content folder.
        #[arg(default_value = CONTENT_DIR)]
        folder: PathBuf,
        /// The Markdown articles published with it (for the shipped content folder:
        /// content-src).
        #[arg(long)]
        sources: Option<PathBuf>,
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
        /// Replace a file of that name.
        #[arg(long)]
        force: bool,
    },
    /// Brings a WordPress blog across: one Markdown article in content-src/ per published
    /// post of its export (WordPress: Tools → Export), its pictures copied from a copy of
    /// its uploads folder, and a report of what did not come across as it was.
    #[command(
        after_help = "Example:\n  cargo run --bin content -- import-wordpress \
                      blog.WordPress.xml --uploads wp-content/uploads"
    )]
    ImportWordpress {
        /// The export file (WXR).
        export: PathBuf,
        /// A copy of the blog's wp-content/uploads folder, where its pictures are.
        #[arg(long)]
        uploads: Option<PathBuf>,
        /// The project to import into: its content-src/ and public/.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// Replace articles and pictures of the same names.
        #[arg(long)]
        force: bool,
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
        Verb::New { title, to, force } => new_article(&title, &to, force),
        Verb::Generate => generate_derived_files(),
        Verb::ImportWordpress {
            export,
            uploads,
            project,
            force,
        } => import(&export, uploads.as_deref(), &project, force),
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

fn import(
    export: &Path,
    uploads: Option<&Path>,
    project: &Path,
    force: bool,
) -> Result<String, Failure> {
    if let Some(uploads) = uploads.filter(|uploads| !uploads.is_dir()) {
        return Err(Failure::Usage(format!(
            "{} is not a folder",
            uploads.display()
        )));
    }
    let report = import_wordpress(&Options {
        export,
        uploads,
        project,
        force,
    })
    .map_err(Failure::Content)?;
    let lines = report.lines();
    if report.failed.is_empty() {
        Ok(lines.join("\n"))
    } else {
        Err(Failure::Content(lines))
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
    let report = match sources {
        Some(sources) => check_site(content, sources, &today()),
        None => check_folder(content, &today()),
    };
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if report.problems.is_empty() {
        Ok(String::new())
    } else {
        Err(Failure::Content(report.problems))
    }
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
    let site: SiteSettings =
        parse(SITE_FILE, &read(SITE_FILE)?).map_err(|e| Failure::Content(vec![e.to_string()]))?;
    for article in sample_articles(
        count,
        &vocabulary_of(&existing),
        hero.as_ref(),
        &site.categories,
    ) {
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

fn new_article(title: &str, to: &Path, force: bool) -> Result<String, Failure> {
    let slug = readable_slug(title);
    if slug.is_empty() {
        return Err(Failure::Usage(format!(
            "{title:?} has no letters or digits for a file name"
        )));
    }
    let path = to.join(format!("{slug}.md"));
    if path.exists() && !force {
        return Err(Failure::Content(vec![format!(
            "{} exists already: add --force to replace it",
            path.display()
        )]));
    }
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    write_whole(&path, &skeleton(title, &today)).map_err(|e| Failure::Content(vec![e]))?;
    Ok(format!(
        "wrote {}: write the article there; every build publishes it at articles/{slug}/",
        path.display()
    ))
}

/// Writes `value` as pretty JSON, whole or not at all.
fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), Failure> {
    sources::write_json(path, value).map_err(|e| Failure::Content(vec![e]))
}
