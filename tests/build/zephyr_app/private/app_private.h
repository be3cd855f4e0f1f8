/* Reached through target_include_directories(app ...). */
#define APP_PRIVATE 7
