# CI on Windows: the steps of .ci/run in PowerShell. Install everything from a clean clone, run
# README's test command, lint, then prove that a plain (non-editable) wheel install works from
# outside the checkout.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$env:QT_QPA_PLATFORM = 'offscreen'
$env:PIP_DISABLE_PIP_VERSION_CHECK = '1'

# A native command's failure does not stop PowerShell by itself: every one goes through this.
# (A plain function, not an advanced one, so that "-m" or "-q" reach the command untouched.)
function Invoke-Native {
    $command = $args[0]
    $arguments = @($args | Select-Object -Skip 1)
    & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "$command $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# setup-python puts the requested Python first on PATH as python.exe.
$python = 'python'

# --- README's test command (keep the two identical) ---
Invoke-Native $python -m venv .venv
Invoke-Native .\.venv\Scripts\pip.exe install -e '.[test]'
Invoke-Native .\.venv\Scripts\python.exe -m pytest

# --- lint and the layer rule ---
Invoke-Native .\.venv\Scripts\ruff.exe check .

# --- a plain wheel in a fresh venv, run from another directory ---
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("azrel-ci-" + [System.Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $work | Out-Null
Invoke-Native .\.venv\Scripts\pip.exe wheel -q --no-deps -w (Join-Path $work 'dist') .
Invoke-Native $python -m venv (Join-Path $work 'venv')
$wheel = Get-ChildItem (Join-Path $work 'dist') -Filter '*.whl' | Select-Object -First 1
Invoke-Native (Join-Path $work 'venv\Scripts\pip.exe') install -q $wheel.FullName
Push-Location $work
try {
    $env:AZREL_DATA_DIR = Join-Path $work 'data'
    $env:AZREL_DB = Join-Path $work 'wheel.sqlite3'
    $azrel = Join-Path $work 'venv\Scripts\azrel.exe'
    Invoke-Native $azrel init
    Invoke-Native $azrel check
    Invoke-Native $azrel export events --org NATO --from 1997 --to 1999 -o (Join-Path $work 'nato.csv')
}
finally {
    Pop-Location
}
Write-Output 'wheel install: ok'
