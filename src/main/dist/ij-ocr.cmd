@echo off
rem IJ-OCR command line: the suite's ImageJ commands headless (no display needed).
setlocal
set "DIR=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" %JAVA_OPTS% -Djava.awt.headless=true -cp "%DIR%ij.jar;%DIR%plugins\*;%DIR%plugins\jars\*" org.ijocr.cli.Main %*
exit /b %ERRORLEVEL%
