//! Serves a built site as a CDN would, for the benchmark (`tools/bench/`): the hosts' answers
//! and headers (`clinic_build::static_host`, which the browser tests serve with too), every
//! compressible file brotli-compressed, and an ETag, so an unchanged file costs a 304 on a
//! repeat visit. Every file is read and compressed before the server listens: compressing on
//! the first request would show up in Lighthouse as server latency on the first run only. A
//! site of more than `COMPRESSED_UP_FRONT` files (a library of thousands of articles, which
//! would take many minutes) has each file compressed when it is first asked for, and kept:
//! the benchmark asks for what it measures once before it measures.
//!
//! Usage: serve <site folder> <port>

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use clinic_build::static_host::{content_type, request_path, write_answer, StaticSite, Unknown};

/// The most files compressed before the server listens.
const COMPRESSED_UP_FRONT: usize = 5_000;

/// Each file prepared so far, by its path.
type PreparedFiles = Mutex<HashMap<PathBuf, Arc<Prepared>>>;

/// A file as it is served: its ETag, and its brotli-compressed body when it compresses.
struct Prepared {
    etag: String,
    brotli: Option<Vec<u8>>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, port] = args.as_slice() else {
        eprintln!("usage: serve <site folder> <port>");
        return ExitCode::from(2);
    };
    let site = StaticSite::new(Path::new(root), "/", Unknown::NotFoundPage);
    let mut files = Vec::new();
    list_files(&site.root, &mut files);
    let prepared: PreparedFiles = Mutex::default();
    if files.len() <= COMPRESSED_UP_FRONT {
        for file in files {
            prepared_file(&prepared, &file);
        }
    }
    let listener = match TcpListener::bind(format!("127.0.0.1:{port}")) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("port {port}: {error}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("serving {root} on {port}");
    let shared = Arc::new((site, prepared));
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || serve(stream, &shared.0, &shared.1));
    }
    ExitCode::SUCCESS
}

fn list_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            list_files(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// `path` as it is served, prepared on the first call.
fn prepared_file(prepared: &PreparedFiles, path: &Path) -> Option<Arc<Prepared>> {
    let lock = || {
        prepared
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    if let Some(ready) = lock().get(path) {
        return Some(ready.clone());
    }
    let body = std::fs::read(path).ok()?;
    let digest = Sha256::digest(&body);
    let etag: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let kind = content_type(&path.to_string_lossy(), 200);
    // Fonts and photographs are compressed already.
    let compresses = !["font/", "image/png", "image/jpeg", "image/webp"]
        .iter()
        .any(|compressed| kind.starts_with(compressed));
    let ready = Arc::new(Prepared {
        etag: format!("\"{etag}\""),
        brotli: compresses.then(|| compress(&body)),
    });
    lock().insert(path.to_path_buf(), ready.clone());
    Some(ready)
}

fn compress(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    out
}

fn serve(stream: TcpStream, site: &StaticSite, prepared: &PreparedFiles) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut request_headers = HashMap::new();
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        if let Some((name, value)) = line.split_once(':') {
            request_headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
        line.clear();
    }
    let path = request_path(&request_line);
    let (status, file) = site.file(&path);
    let Some(ready) = file.as_ref().and_then(|file| prepared_file(prepared, file)) else {
        let _ = write_answer(&stream, &site.answer(&path));
        return;
    };
    let mut answer = site.answer(&path);
    answer.headers.push(format!("ETag: {}", ready.etag));
    if status == 200 && request_headers.get("if-none-match") == Some(&ready.etag) {
        answer.status = 304;
        answer.body.clear();
    } else if let Some(brotli) = &ready.brotli {
        let accepts = request_headers
            .get("accept-encoding")
            .is_some_and(|value| value.split(',').any(|coding| coding.trim() == "br"));
        if accepts {
            answer.headers.push("Content-Encoding: br".into());
            answer.body = brotli.clone();
        }
    }
    let _ = write_answer(&stream, &answer);
}
